import Claims
import Foundation
import Reporters

/// The only place the tool writes to the terminal. Writes go straight to file descriptors
/// with write(2): FileHandle.write traps on any error (a closed stdout, /dev/full, EPIPE).
enum Console {
    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO, name: "standard output")
    }

    static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO, name: "standard error")
    }

    /// Text for standard error as it is (a progress line redrawn in place has no newline).
    static func errorRaw(_ text: String) {
        write(text, to: STDERR_FILENO, name: "standard error")
    }

    /// A problem with no file, as "error: message".
    static func report(_ issue: Issue, color: ColorChoice = .auto) {
        report([issue.diagnostic()], color: color)
    }

    /// Diagnostics go to standard error, coloured only when it is a terminal that wants it.
    static func report(_ diagnostics: [Diagnostic], color: ColorChoice = .auto) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticText.render(diagnostics, color: color.enabled(for: .standardError)))
    }

    /// Called first thing: a standard stream the parent closed is pointed at /dev/null opened
    /// read-only, so a file the tool opens later cannot take its number (and receive the
    /// report), and writing to it fails with EBADF like the closed descriptor would.
    static func guardStandardStreams() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// Writes every byte or ends the run: a broken pipe quietly (the reader has gone), any
    /// other error with one line on standard error; exit code 2 either way.
    private static func write(_ text: String, to fd: Int32, name: String) {
        var text = text
        let failure: Int32? = text.withUTF8 { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let failure else { return }
        if failure != EPIPE, fd != STDERR_FILENO {
            let line = "claimcheck: error: cannot write to \(name): \(String(cString: strerror(failure)))\n"
            _ = line.withCString { systemWrite(STDERR_FILENO, $0, strlen($0)) }
        }
        exit(2)
    }
}

/// write(2), out of reach of Console.write's name.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
