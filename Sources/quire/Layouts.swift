import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// `quire layouts`: the house styles available.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the house styles: those in QUIRE_LAYOUTS folders, then the bundled layouts/.",
        discussion: """
            Example:
              quire layouts

            Exit status: 0, or 2 when a layouts folder cannot be read (see QUIRE_HOME).
            """)

    func run() throws {
        do {
            let layouts = try Resources.locate().availableLayoutsCached()
            // Names in a column as wide as the longest, at least 20 as before.
            let width = max(20, (layouts.map(\.name.count).max() ?? 0) + 2)
            for layout in layouts {
                // Padded in Swift: Foundation's `padding` bridges to NSString.
                print(layout.name + String(repeating: " ", count: max(0, width - layout.name.count)) + layout.description)
            }
        } catch {
            throw failWith(error)
        }
    }
}
