import FlyingFox
import FlyingSocks
import Foundation

/// Answers requests from the built site on disk: files with their content types, `index.html` for
/// directories, the site's `404.html` with status 404, refused traversal, and the live-reload
/// event stream. HTML responses get the live-reload script; files on disk are never changed.
struct SiteFileHandler: HTTPHandler {
    let root: URL
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
            let url = path.isEmpty ? root : root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if exists && isDirectory.boolValue {
                if !directory {
                    let query = request.target.query()
                    let location = rawPath + "/" + (query.isEmpty ? "" : "?" + query)
                    return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
                }
                return file(url.appendingPathComponent("index.html"), status: .ok, head: head) ?? notFound(head: head)
            }
            if exists, !directory, let response = file(url, status: .ok, head: head) {
                return response
            }
            return notFound(head: head)
        }
    }

    func notFound(head: Bool) -> HTTPResponse {
        file(root.appendingPathComponent("404.html"), status: .notFound, head: head)
            ?? text(.notFound, "404 Not Found\n", head: head)
    }

    func file(_ url: URL, status: HTTPStatusCode, head: Bool) -> HTTPResponse? {
        guard isInsideSite(url) else { return nil }
        guard var data = try? Data(contentsOf: url) else {
            // A file that is there but cannot be read now (out of file descriptors, being
            // replaced) is not missing: ask the browser to try again.
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            var response = text(.serviceUnavailable, "503 Service Unavailable: the file could not be read just now; try again.\n", head: head)
            response.headers[HTTPHeader("Retry-After")] = "1"
            return response
        }
        let type = ContentTypes.forPath(url.lastPathComponent)
        if type.hasPrefix("text/html") {
            data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: state.generation).utf8)
        }
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : data)
    }

    /// Whether `url`, with every symbolic link resolved, is still inside the site folder: a link in
    /// the site that points elsewhere (`Site/x -> /etc/passwd`) is treated as missing.
    func isInsideSite(_ url: URL) -> Bool {
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
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
