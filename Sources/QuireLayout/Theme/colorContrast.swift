import Foundation
import QuirePages

/// WCAG 2's contrast between colours (1.4.3, 1.4.11): relative luminance, ratio (L1 + 0.05) /
/// (L2 + 0.05), from 1:1 to 21:1.
extension Color {
    static let white = Color(red: 1, green: 1, blue: 1)

    /// Relative luminance, from the sRGB channels made linear.
    var luminance: Double {
        func linear(_ channel: Double) -> Double { channel <= 0.039_28 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    func contrast(with other: Color) -> Double {
        let (lighter, darker) = (max(luminance, other.luminance), min(luminance, other.luminance))
        return (lighter + 0.05) / (darker + 0.05)
    }

    /// The same hue darkened, in steps of 1%, until it reaches `ratio` against `background`:
    /// the suggestion an error about a pale colour gives.
    func darkened(toContrast ratio: Double, with background: Color) -> Color {
        var color = self
        while color.contrast(with: background) < ratio, color.luminance > 0 {
            color = Color(red: color.red * 0.99, green: color.green * 0.99, blue: color.blue * 0.99)
        }
        return color
    }

    /// "#RRGGBB".
    var hex: String {
        let digits = [red, green, blue].map { channel -> String in
            let value = String(Int((channel * 255).rounded()), radix: 16, uppercase: true)
            return value.count == 1 ? "0" + value : value
        }
        return "#" + digits.joined()
    }
}

/// A ratio to two decimals ("1.84").
func formatContrast(_ ratio: Double) -> String {
    let hundredths = Int((ratio * 100).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
}
