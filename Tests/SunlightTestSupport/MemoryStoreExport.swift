/// The in-memory store moved to its own library so the product can use it; tests keep
/// reaching it through this module.
@_exported import SunlightMemoryStore
