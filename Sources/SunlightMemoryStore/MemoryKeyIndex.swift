/// 键索引 — where a table's rows with one key sit, for the look-ups a write or read makes on
/// every commit (a unique key's check, a record's personal values). Kept in buckets by the
/// key's hash, so a copy of the tables shares them and adding a key copies one bucket.
struct MemoryKeyIndex<Key: Hashable> {
    private static var bucketCount: Int { 256 }
    private var buckets: [[Key: [Int]]] = Array(repeating: [:], count: bucketCount)

    init() {}

    /// An index of `rows` by `key`.
    init<Rows: Sequence>(_ rows: Rows, key: (Rows.Element) -> Key) {
        for (position, row) in rows.enumerated() { add(key(row), at: position) }
    }

    private static func bucket(_ key: Key) -> Int { Int(UInt(bitPattern: key.hashValue) % UInt(bucketCount)) }

    /// The positions of the rows with `key`, in insertion order.
    func positions(_ key: Key) -> [Int] { buckets[Self.bucket(key)][key] ?? [] }

    func contains(_ key: Key) -> Bool { buckets[Self.bucket(key)][key] != nil }

    mutating func add(_ key: Key, at position: Int) {
        buckets[Self.bucket(key)][key, default: []].append(position)
    }
}
