import QuireModel
import QuireYAML
import Yams

extension YAMLReader {
    /// A `figures:` map (a ```table block's, an indicator's): the figure style keys, each
    /// checked where it is written.
    /// ```yaml
    /// figures: {negative: brackets, decimals: 1, unit: "£m", scale: 1000}
    /// ```
    func figureStyle(_ node: Node, field: String) throws(QuireError) -> FigureStyle {
        guard case .mapping(let pairs) = node else {
            throw error(.invalidValue, node, field: field, "'\(field)' is a map of figure style keys",
                        hint: "write e.g. \(field): {negative: brackets, decimals: 1, unit: \"£m\"}")
        }
        var style = FigureStyle()
        for (keyNode, value) in pairs {
            let key = try string(keyNode, field: field)
            let raw = try string(value, field: "\(field).\(key)")
            do throws(FigureStyle.Problem) {
                try style.set(key, raw)
            } catch {
                throw self.error(FigureStyle.keys.contains(key) ? .invalidValue : .unknownField, FigureStyle.keys.contains(key) ? value : keyNode,
                                 field: "\(field).\(key)", error.message, hint: error.hint)
            }
        }
        return style
    }
}
