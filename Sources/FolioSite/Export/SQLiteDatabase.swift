import CSQLite
import Foundation

/// A SQLite database file, filled with prepared inserts. The only file that touches the SQLite C
/// library.
///
/// A class because it owns the `sqlite3` connection, which is closed on `deinit`. Not
/// `Sendable`: one export uses it on one thread.
final class SQLiteDatabase {
    /// A value bound to a statement parameter.
    enum Value: Equatable {
        case text(String)
        case integer(Int)
        case real(Double)
        case null
    }

    /// The SQLite error message and the statement that failed.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var sql: String
        var description: String { "SQLite: \(message) (in `\(sql.prefix(80))`)" }
    }

    private var db: OpaquePointer?

    /// Opens a new database file at `file` with foreign keys enforced, written without a journal
    /// (an interrupted export leaves a file the build discards). The file is complete once the
    /// database is released.
    init(file: URL) throws {
        guard sqlite3_open_v2(file.path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            sqlite3_close(db)
            throw Failure(message: message, sql: "open")
        }
        try execute("PRAGMA journal_mode = OFF")
        try execute("PRAGMA synchronous = OFF")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { sqlite3_close(db) }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(message: message, sql: sql)
        }
    }

    /// Inserts `rows` with one prepared statement inside one transaction.
    func insert(into table: String, columns: [String], rows: some Sequence<[Value]>) throws {
        let sql = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw failure(sql) }
        defer { sqlite3_finalize(statement) }
        try execute("BEGIN")
        // SQLITE_TRANSIENT: SQLite copies bound text before the Swift string goes away.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            for (index, value) in row.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case let .text(s): sqlite3_bind_text(statement, position, s, -1, transient)
                case let .integer(i): sqlite3_bind_int64(statement, position, sqlite3_int64(i))
                case let .real(d): sqlite3_bind_double(statement, position, d)
                case .null: sqlite3_bind_null(statement, position)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else {
                let error = failure(sql)
                try? execute("ROLLBACK")
                throw error
            }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try execute("COMMIT")
    }

    private func failure(_ sql: String) -> Failure {
        Failure(message: String(cString: sqlite3_errmsg(db)), sql: sql)
    }
}
