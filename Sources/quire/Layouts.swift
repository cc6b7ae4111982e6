import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// `quire layouts`: the house styles available.
struct Layouts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the house styles in layouts/.",
        discussion: """
            Example:
              quire layouts

            Exit status: 0, or 2 when layouts/ cannot be read (see QUIRE_HOME).
            """)

    func run() async throws {
        do {
            for layout in try Resources.locate().availableLayouts() {
                print(layout.name.padding(toLength: 20, withPad: " ", startingAt: 0) + layout.description)
            }
        } catch {
            throw failWith(error)
        }
    }
}
