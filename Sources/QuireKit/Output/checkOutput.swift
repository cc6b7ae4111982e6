import Foundation
public import QuireModel

/// A file a command reads, named by what it is to the command, so that a refused output can
/// say which input it would have replaced ("the source", "a data file", "the manifest").
public struct InputFile: Hashable, Sendable {
    public var path: String
    public var role: String

    public init(_ path: String, role: String) {
        self.path = path
        self.role = role
    }
}

/// Checks that `path` may be written as an output file, and returns the path to write: it
/// does not exist yet, or it is a regular file that is none of `inputs`. A folder, a device
/// (`/dev/null`), a FIFO or socket, an input (however it is spelt: another path, a hard
/// link), or a symbolic link to any of these is refused, so `-o` can never replace a device
/// node or the paper it renders. A symbolic link to a regular file is written through: the
/// file it points to is replaced and the link stays (as a shell's `>` does), so `-o
/// /dev/stdout` redirected to a file writes that file and never replaces the link in /dev.
/// `option` names the option in messages (`-o`, `--report`).
@discardableResult
public func checkOutputFile(_ path: String, inputs: [InputFile], option: String = "-o") throws(QuireError) -> String {
    guard !path.isEmpty else {
        throw QuireError(.io, at: nil, field: option, "\(option) names no file", hint: "give a file name, e.g. \(option) paper.pdf")
    }
    var link = stat()
    guard lstat(path, &link) == 0 else {
        guard errno == ENOENT else { throw unusable(path, option, String(cString: strerror(errno))) }
        try checkFolderExists(of: path, option: option)
        return path
    }
    let isLink = link.st_mode & S_IFMT == S_IFLNK
    var target = link
    var written = path
    if isLink, stat(path, &target) != 0 {
        throw QuireError(.io, at: nil, field: option, "'\(path)' is a symbolic link to nothing that exists; it is left as it is",
                         hint: "name the file to write itself, not a link")
    }
    let via = isLink ? " (a symbolic link)" : ""
    switch target.st_mode & S_IFMT {
    case S_IFREG:
        if isLink {
            guard let real = realpath(path, nil) else {
                throw QuireError(.io, at: nil, field: option, "'\(path)' is a symbolic link to a file whose path cannot be found; it is left as it is",
                                 hint: "name the file to write itself, not a link")
            }
            written = String(cString: real)
            free(real)
        }
    case S_IFDIR:
        throw QuireError(.io, at: nil, field: option, "'\(path)'\(via) is a folder, not a file",
                         hint: "name the file to write inside it, e.g. \(option) \((path as NSString).appendingPathComponent("paper.pdf"))")
    default:
        throw QuireError(.io, at: nil, field: option, "'\(path)'\(via) is \(kind(of: target.st_mode)), not a regular file; it is left as it is",
                         hint: "name a regular file to write; \(option) - writes to standard output")
    }
    for input in inputs {
        var other = stat()
        guard stat(input.path, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino else { continue }
        let same = isLink ? "'\(path)' is a symbolic link to \(input.role) '\(input.path)'" : "'\(path)' is \(input.role)"
        throw QuireError(.io, at: nil, field: option, "\(same): writing there would replace an input", hint: "name another file with \(option)")
    }
    return written
}

/// Checks that `path` may be an output folder: missing (it is created) or a folder, and
/// neither one of `inputs` nor a folder holding one, so that what is written into it can
/// never mix with or replace what is read.
public func checkOutputFolder(_ path: String, inputs: [InputFile], option: String) throws(QuireError) {
    var status = stat()
    if stat(path, &status) == 0 {
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw QuireError(.io, at: nil, field: option, "'\(path)' is \(kind(of: status.st_mode)), not a folder; it is left as it is",
                             hint: "name a folder to write into (it is created if missing)")
        }
    } else if errno != ENOENT {
        throw unusable(path, option, String(cString: strerror(errno)))
    }
    let folder = resolved(path)
    for input in inputs {
        let inputPath = resolved(input.path)
        if inputPath == folder || inputPath.hasPrefix(folder == "/" ? "/" : folder + "/") {
            throw QuireError(.io, at: nil, field: option, "'\(path)' \(inputPath == folder ? "is" : "holds") \(input.role) (\(input.path)): what is written there would mix with the inputs",
                             hint: "write into a folder of its own, e.g. \(option) dist")
        }
    }
}

/// `path` absolute, with symbolic links resolved as far as the path exists (a missing tail
/// is kept as written), so two spellings of one place compare equal.
func resolved(_ path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var existing = absolute
    var tail: [String] = []
    while realpath(existing, nil) == nil, existing != "/" {
        tail.insert((existing as NSString).lastPathComponent, at: 0)
        existing = (existing as NSString).deletingLastPathComponent
    }
    guard let real = realpath(existing, nil) else { return absolute }
    defer { free(real) }
    return tail.reduce(String(cString: real)) { ($0 as NSString).appendingPathComponent($1) }
}

private func checkFolderExists(of path: String, option: String) throws(QuireError) {
    let folder = (path as NSString).deletingLastPathComponent
    guard !folder.isEmpty else { return }
    var status = stat()
    guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
        throw QuireError(.io, at: nil, field: option, "cannot write '\(path)': the folder '\(folder)' does not exist",
                         hint: "create the folder first, or name a file in an existing one")
    }
}

private func unusable(_ path: String, _ option: String, _ reason: String) -> QuireError {
    QuireError(.io, at: nil, field: option, "cannot write '\(path)': \(reason)", hint: "check the path and its folder's permissions")
}

private func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFSOCK: "a socket"
    case S_IFDIR: "a folder"
    case S_IFLNK: "a symbolic link"
    case S_IFREG: "a file"
    default: "not a regular file"
    }
}
