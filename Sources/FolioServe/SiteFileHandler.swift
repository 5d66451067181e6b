import FlyingFox
import FlyingSocks
import Foundation

/// Answers requests from the last good build, held in memory: files with their content types,
/// `index.html` for directories, the site's `404.html` with status 404, refused traversal, and the
/// live-reload event stream. HTML responses get the live-reload script; the built files are
/// never changed.
struct SiteFileHandler: HTTPHandler {
    let files: SiteFiles
    let state: BuildState
    let broadcaster: EventBroadcaster

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let rawPath = request.target.path()
        if rawPath == LiveReloadScript.eventsPath {
            return eventStream()
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD", .cacheControl: "no-store"]))
        }
        let head = request.method == .HEAD
        switch SitePath.resolve(rawPath) {
        case .refused:
            return text(.forbidden, "403 Forbidden: the path leaves the site.\n", head: head)
        case let .file(path, directory):
            if files.isDirectory(path) {
                if !directory {
                    let query = request.target.query()
                    let location = rawPath + "/" + (query.isEmpty ? "" : "?" + query)
                    return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
                }
                return file(path.isEmpty ? "index.html" : path + "/index.html", status: .ok, head: head) ?? notFound(head: head)
            }
            if !directory, let response = file(path, status: .ok, head: head) {
                return response
            }
            return notFound(head: head)
        }
    }

    func notFound(head: Bool) -> HTTPResponse {
        file("404.html", status: .notFound, head: head) ?? text(.notFound, "404 Not Found\n", head: head)
    }

    /// The site's file at `path`, with its content type; nil when the build has no such file.
    func file(_ path: String, status: HTTPStatusCode, head: Bool) -> HTTPResponse? {
        guard var data = files.data(at: path) else { return nil }
        let type = ContentTypes.forPath(String(path.split(separator: "/").last ?? ""))
        if type.hasPrefix("text/html") {
            data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: state.generation).utf8)
        }
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : data)
    }

    func text(_ status: HTTPStatusCode, _ body: String, head: Bool) -> HTTPResponse {
        let data = Data(body.utf8)
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : data)
    }

    func eventStream() -> HTTPResponse {
        let greeting = EventBroadcaster.encode(event: "hello", data: state.helloJSON)
        let stream = broadcaster.subscribe(greeting: Data("retry: 500\n\n".utf8) + greeting)
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventStreamBody(stream: stream))
        )
    }
}
