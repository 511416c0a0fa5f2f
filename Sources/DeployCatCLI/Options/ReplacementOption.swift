/// `--allow-replacement`, which the commands that store template versions take.
enum ReplacementOption {
    static let help = """
        Store a version that makes CloudFormation replace an application inference profile (a new \
        ARN, its cost history split across two resource ids); without it, such a version is refused \
        and named.
        """
}
