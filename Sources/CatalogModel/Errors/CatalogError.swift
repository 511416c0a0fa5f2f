/// A request the catalog cannot answer, with what would work instead.
public enum CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownRegion(code: String, suggestions: [String])
    case regionWithoutBedrock(code: String, partitionRegions: [String])
    case unknownModel(id: String, suggestions: [String])
    /// A profile id given where a model id belongs (`us.x` for `x`): a known source of broken ARNs.
    case profileIdGivenAsModel(profileId: String, modelId: String)
    case unknownGeography(prefix: String, known: [String])
    case unknownProfile(id: String, suggestions: [String])
    /// `profiles`: the model's profiles (of `geography`, when one was asked for); `callableFrom`:
    /// their source Regions; `callableHere`: with a geography, the model's other profiles callable
    /// from the Region; `inAnyGeography`: whether the Region is a source of any geography at all.
    case noProfileFromRegion(modelId: String, region: String, geography: String?, profiles: [String],
                             callableFrom: [String], callableHere: [String] = [], inAnyGeography: Bool,
                             onDemandHere: Bool, onDemandRegions: [String])
    case onlyThroughProfiles(modelId: String, region: String, profiles: [String])
    case notOnDemandInRegion(modelId: String, region: String, onDemandRegions: [String], profiles: [String])

    public var description: String {
        switch self {
        case let .unknownRegion(code, suggestions):
            return "Region \"\(code)\" is not in the catalog" + didYouMean(suggestions)
                + "; `deploycat catalog regions` lists the Regions"
        case let .regionWithoutBedrock(code, regions):
            return "Region \"\(code)\" does not offer Amazon Bedrock; Regions with Bedrock in its partition: "
                + joined(regions)
        case let .unknownModel(id, suggestions):
            return "model \"\(id)\" is not in the catalog" + didYouMean(suggestions)
                + "; `deploycat catalog models` lists the models"
        case let .profileIdGivenAsModel(profileId, modelId):
            return "\"\(profileId)\" is a system-defined profile id, not a model id; give the model id \"\(modelId)\""
                + " and the Region, and deploycat picks the profile"
        case let .unknownGeography(prefix, known):
            return "geography \"\(prefix)\" is not in the catalog; known geographies: \(joined(known))"
        case let .unknownProfile(id, suggestions):
            return "profile \"\(id)\" is not in the catalog" + didYouMean(suggestions)
        case let .noProfileFromRegion(modelId, region, geography, profiles, callableFrom, callableHere, inAnyGeography,
                                      onDemandHere, onDemandRegions):
            let scope = geography.map { " in geography \"\($0)\"" } ?? ""
            var message = "model \"\(modelId)\" has no system-defined inference profile\(scope) callable from \"\(region)\""
            if !inAnyGeography { message += " (\"\(region)\" is a source Region of no cross-Region geography)" }
            if let geography {
                message += profiles.isEmpty ? "; it has no \(geography) profile at all"
                    : "; its \(geography) profiles (\(joined(profiles))) are callable only from: \(joined(callableFrom))"
                if !callableHere.isEmpty {
                    message += "; from \"\(region)\" it is callable through " + callableHere.map { profile in
                        "\(profile) (geography \(profile.prefix { $0 != "." }))"
                    }.joined(separator: ", ")
                }
            } else {
                message += profiles.isEmpty ? "; it has no cross-Region profile at all"
                    : "; its profiles (\(joined(profiles))) are callable from: \(joined(callableFrom))"
            }
            if onDemandHere {
                message += "; it is offered on demand in \"\(region)\": call it there alone (--single-region; in a "
                    + "spec, deployCrossRegionProfile: false, modelSource.foundationModel or crossRegion: false)"
            } else if !onDemandRegions.isEmpty {
                message += "; on demand in: \(joined(onDemandRegions))"
            }
            return message
        case let .onlyThroughProfiles(modelId, region, profiles):
            return "model \"\(modelId)\" is offered in \"\(region)\" only through inference profiles, not on demand;"
                + " use a cross-Region profile (leave out --single-region; in a spec, deployCrossRegionProfile: true, "
                + "modelSource.crossRegion or crossRegion: true)" + (profiles.isEmpty ? "" : "; profiles: \(joined(profiles))")
        case let .notOnDemandInRegion(modelId, region, onDemandRegions, profiles):
            var message = "model \"\(modelId)\" is not offered on demand in \"\(region)\""
            message += onDemandRegions.isEmpty ? "; it is not offered on demand in any Region"
                : "; on demand in: \(joined(onDemandRegions))"
            if !profiles.isEmpty { message += "; cross-Region profiles callable from \"\(region)\": \(joined(profiles))" }
            return message
        }
    }

    private func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
    }

    private func joined(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ", ")
    }
}

/// The catalog's database server cannot be reached or refuses the connection: nothing is wrong
/// with the command, the service is unavailable. The command line exits with 69
/// (`EX_UNAVAILABLE` in sysexits.h) for it.
public protocol ServiceUnavailableError: Error, CustomStringConvertible {}
