import Vapor

/// 405: a path that exists under other methods answers "method not allowed" with `Allow`,
/// not 404 (RFC 9110 §15.5.6), in the same Chinese JSON or page as every other error.
///
/// Installed after the routes are registered; it only looks at requests no route took.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    let table: RouteMethodTable

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `GET leads/from-complaint` reaches `GET leads/:id`, but the path is the other resource.
        if let route = request.route, let allowed = table.shadowed(route.path, at: request.url.path) {
            return try await refuse(request, allowed: allowed)
        }
        do {
            return try await next.respond(to: request)
        } catch let error as RouteNotFound {
            let allowed = table.methods(for: request.url.path)
            guard !allowed.isEmpty else { throw error }
            return try await refuse(request, allowed: allowed)
        }
    }

    private func refuse(_ request: Request, allowed: Set<String>) async throws -> Response {
        let list = allowed.sorted().joined(separator: ", ")
        let presentation = ErrorPresentation(status: .methodNotAllowed, code: "method.not_allowed",
                                             message: "该地址不支持 \(request.method.rawValue) 请求，可用：\(list)")
        let response = try await SunlightErrorMiddleware.response(for: presentation, to: request)
        response.headers.replaceOrAdd(name: .allow, value: list)
        return response
    }
}

/// Which methods each registered path answers, for ``MethodNotAllowedMiddleware``.
struct RouteMethodTable: Sendable {
    private let routes: [(path: [PathComponent], method: HTTPMethod)]

    init(_ routes: Routes) {
        self.routes = routes.all.map { route in (route.path.filter { $0 != .constant("") }, route.method) }
    }

    /// The methods the routes answer at `path` (`HEAD` wherever `GET` is), by name. When
    /// patterns of different shapes match (`leads/from-complaint` and `leads/:id`), the path is
    /// the resource of the most specific one — the one with constants furthest to the left —
    /// as the OpenAPI document describes it.
    func methods(for path: String) -> Set<String> {
        let parts = path.split(separator: "/").map(String.init)
        let matching = routes.filter { Self.matches($0.path, parts) }
        guard let best = matching.map({ Self.shape($0.path) }).max(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        var found = Set(matching.filter { Self.shape($0.path) == best }.map(\.method.rawValue))
        if found.contains(HTTPMethod.GET.rawValue) { found.insert(HTTPMethod.HEAD.rawValue) }
        return found
    }

    /// The methods of a more specific resource at `path` when the route that took the request
    /// (`pattern`) matched it only through a parameter; `nil` when the route is the resource.
    func shadowed(_ pattern: [PathComponent], at path: String) -> Set<String>? {
        let pattern = pattern.filter { $0 != .constant("") }
        guard pattern.contains(where: { if case .constant = $0 { return false } else { return true } }) else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        let matching = routes.filter { Self.matches($0.path, parts) }
        guard let best = matching.map({ Self.shape($0.path) }).max(by: { $0.lexicographicallyPrecedes($1) }),
              best != Self.shape(pattern) else { return nil }
        return methods(for: path)
    }

    /// 1 for each constant component, 0 for a parameter: compared left to right, more is more specific.
    static func shape(_ pattern: [PathComponent]) -> [Int] {
        pattern.map { component in
            if case .constant = component { return 1 }
            return 0
        }
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return parts.count > index
            case .anything, .parameter: guard index < parts.count else { return false }
            case .constant(let text): guard index < parts.count, parts[index] == text else { return false }
            }
        }
        return parts.count == pattern.count
    }
}
