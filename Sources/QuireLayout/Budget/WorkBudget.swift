public import QuireModel
public import QuirePages

/// The port through which a caller bounds one layout's work: the layout asks between chunks
/// of paragraphs and as pages are made, drawing asks between pages, and a render past the
/// budget stops early instead of running on. The service's budget (a deadline and a page
/// limit) lives with the service; the CLI's renders are unlimited.
public protocol WorkBudget: Sendable {
    /// True while the work may go on with `pages` pages made; false once past the budget
    /// (which then keeps the reason as `exceeded`).
    func allows(pages: Int) -> Bool
    /// The limit crossed so far, if any.
    var exceeded: QuireError? { get }
}

extension WorkBudget {
    public func allows() -> Bool { allows(pages: 0) }

    /// `pages` while the budget allows (asked after each page is made, as `prefix(while:)`
    /// would), each shown to `observe` first.
    public func pages(_ pages: some IteratorProtocol<Page>, observe: @escaping (Page) -> Void = { _ in }) -> AnyIterator<Page> {
        var base = pages
        var stopped = false
        return AnyIterator {
            guard !stopped, let page = base.next() else { return nil }
            guard allows() else {
                stopped = true
                return nil
            }
            observe(page)
            return page
        }
    }

    /// Throws the limit crossed, if any.
    public func check(pages: Int = 0) throws(QuireError) {
        if !allows(pages: pages), let crossed = exceeded { throw crossed }
    }
}

/// No limits: the CLI's renders.
public struct UnlimitedBudget: WorkBudget {
    public init() {}
    public func allows(pages: Int) -> Bool { true }
    public var exceeded: QuireError? { nil }
}
