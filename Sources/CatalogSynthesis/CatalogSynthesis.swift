import CatalogModel

/// Pure template synthesis: turns an app spec and a catalog snapshot into a CloudFormation
/// template, with no clock, database or randomness.
public enum CatalogSynthesis {}
