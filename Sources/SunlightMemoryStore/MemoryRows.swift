/// 分块表 — a table's rows in insertion order, kept in fixed-size chunks so that a copy of the
/// tables (a transaction's snapshot, a statement's undo copy) shares them and a change copies
/// only the chunk it touches and the list of chunks: appending to a table of a million rows
/// costs about the same as appending to one of a thousand, where an `Array` would be copied whole.
///
/// It reads like an array (`Int` positions from 0, `first(where:)`, `filter`, subscripts); the
/// behaviour of the memory store does not change, only what each write costs.
struct MemoryRows<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// Rows per chunk (a power of two).
    static var chunkShift: Int { 9 }
    static var chunkSize: Int { 1 << chunkShift }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "MemoryRows: 位置越界")
            return chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
        set {
            precondition(position >= 0 && position < count, "MemoryRows: 位置越界")
            chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] = newValue
        }
    }

    func makeIterator() -> Iterator { Iterator(chunks: chunks) }

    /// Walks the chunks in order without dividing positions.
    struct Iterator: IteratorProtocol {
        let chunks: [[Element]]
        var chunk = 0
        var offset = 0

        mutating func next() -> Element? {
            while chunk < chunks.count {
                if offset < chunks[chunk].count {
                    defer { offset += 1 }
                    return chunks[chunk][offset]
                }
                chunk += 1
                offset = 0
            }
            return nil
        }
    }

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
    }

    static func += <S: Sequence>(rows: inout MemoryRows, new: S) where S.Element == Element {
        for element in new { rows.append(element) }
    }

    /// Removes the rows that match; when none does, nothing is touched (and nothing copied).
    mutating func removeAll(where shouldBeRemoved: (Element) throws -> Bool) rethrows {
        guard try contains(where: shouldBeRemoved) else { return }
        var kept = MemoryRows()
        for element in self where try !shouldBeRemoved(element) { kept.append(element) }
        self = kept
    }

    /// Sorts the rows (a rebuild: the tables that sort on write are small or already in order).
    mutating func sort(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows {
        self = MemoryRows(try Array(self).sorted(by: areInIncreasingOrder))
    }

    /// A page of rows in insertion order.
    func page(offset: Int, limit: Int) -> [Element] {
        guard offset < count, limit > 0 else { return [] }
        let start = Swift.max(0, offset)
        return Array(self[start..<Swift.min(count, start + limit)])
    }

    /// The first `limit` rows (a limit of 0 gives none).
    func limited(_ limit: Int) -> [Element] { Array(prefix(Swift.max(0, limit))) }

    /// Sorted stably (ties keep their insertion order).
    func stableSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        Array(self).stableSorted(by: areInIncreasingOrder)
    }
}
