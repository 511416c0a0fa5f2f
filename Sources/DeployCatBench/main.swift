// Measures template synthesis in-process: the examples against the default catalog, each
// template synthesized, rendered to compact JSON (as stored), laid out and hashed (as recorded),
// many times over: what `synth` does for each template before recording it.
// Usage: deploycat-bench EXAMPLES_DIR [ROUNDS]
import CatalogModel
import CatalogService
import CatalogStore
import CatalogSynthesis
import Crypto
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: deploycat-bench EXAMPLES_DIR [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let catalog = try DefaultCatalog.snapshot()
let specs = try SpecReader().specs([arguments[1]])
// Specs may use another example's profile (inferenceProfileApp).
let apps = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })
let clock = ContinuousClock()
var samples: [Duration] = []
var bytes = 0
for _ in 0..<rounds {
    for spec in specs {
        for region in spec.regions {
            let elapsed = try clock.measure {
                let template = try Synthesizer.synthesize(spec, region: region, catalog: catalog, apps: apps)
                bytes = TemplateRenderer.withTexts(template.body) { compact, laidOut in
                    _ = SHA256.hash(data: UnsafeRawBufferPointer(laidOut))
                    return compact.utf8.count
                }
            }
            samples.append(elapsed)
        }
    }
}
samples.sort()
func microseconds(_ duration: Duration) -> String {
    String(format: "%.1f", Double(duration.components.attoseconds) / 1e12 + Double(duration.components.seconds) * 1e6)
}
print("templates per round: \(samples.count / rounds), rounds: \(rounds), last template: \(bytes) bytes compact")
print("synthesize + render + hash, one template: median \(microseconds(samples[samples.count / 2])) µs, "
    + "p90 \(microseconds(samples[samples.count * 9 / 10])) µs")
