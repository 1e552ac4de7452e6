import Foundation

/// The stylesheets, script and icon every page links to. They ship as the server target's
/// resources, beside the binary, and are found from there rather than from the working folder:
/// started from anywhere else, the site once served every page unstyled without a word.
enum SiteAssets {
    struct Missing: Error, CustomStringConvertible {
        let looked: String
        var description: String {
            "The site's stylesheet was not found at \(looked). Keep the Safeguard_SafeguardServer.resources folder beside the safeguard binary (swift build puts it there)."
        }
    }

    /// The folder to serve, ending in a slash; throws, naming where it looked, when the stylesheet is not there.
    static func directory() throws -> String {
        guard let base = Bundle.module.resourceURL else { throw Missing(looked: "the server's resource bundle") }
        let folder = base.appendingPathComponent("Public", isDirectory: true)
        let stylesheet = folder.appendingPathComponent("css/safeguard.css")
        guard FileManager.default.fileExists(atPath: stylesheet.path) else { throw Missing(looked: stylesheet.path) }
        return folder.path + "/"
    }
}
