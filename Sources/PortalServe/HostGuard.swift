import Foundation
import Hummingbird

/// Refuses requests that do not name the preview by one of its own addresses
/// (`Host`), and requests to `/__huiqi/` made from another site's page
/// (`Origin`). See `ServerAddress` for why.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    let authorities: Set<String>
    let origins: Set<String>

    init(_ address: ServerAddress) {
        authorities = address.allowedAuthorities()
        origins = address.allowedOrigins(authorities)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let host = request.head.authority, authorities.contains(host.lowercased()) else {
            return Self.refuse("拒绝访问：Host 不是本预览服务器的地址 (forbidden: Host does not name this preview server)")
        }
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        if path.hasPrefix("/__huiqi/"), let origin = request.headers[.origin],
           !origins.contains(origin.lowercased()) {
            return Self.refuse("拒绝访问：请求来自其他网站 (forbidden: request from another origin)")
        }
        return try await next(request, context)
    }

    static func refuse(_ text: String) -> Response {
        Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
