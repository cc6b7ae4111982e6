import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// `quire layouts`: the house styles available.
struct Layouts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the house styles: those in QUIRE_LAYOUTS folders, then the bundled layouts/.")

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
