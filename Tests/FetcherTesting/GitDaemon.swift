/// `git daemon` exporting one directory over git:// on a free port.
public enum GitDaemon {
    public static func start(basePath: String, home: String) throws -> ServerProcess {
        let port = FreePort.next()
        return try ServerProcess(["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", "--port=\(port)",
                                  "--base-path=\(basePath)", basePath], port: port, home: home, log: home + "/git-daemon.log")
    }
}
