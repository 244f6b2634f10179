import PortalModel

/// Runs every rule of the content contract over a loaded portal. Rules read
/// the build date, never the clock, so a check is reproducible.
public enum Checker {
    public static func check(_ portal: Portal, on date: SimpleDate) -> DiagnosticList {
        var context = RuleContext(portal: portal, date: date)
        SiteRules.check(&context)
        IdentityRules.check(&context)
        ReferenceRules.check(&context)
        InstitutionRules.check(&context)
        ProductRules.check(&context)
        PolicyRules.check(&context)
        DisclosureRules.check(&context)
        LedgerRules.check(&context)
        EventRules.check(&context)
        ControlCharacterRules.check(&context)
        return context.diagnostics
    }
}

/// What every rule sees: the portal, the build date, lookup tables, and the
/// list to report into.
struct RuleContext {
    let portal: Portal
    let date: SimpleDate
    let institutions: [String: Institution]
    let policyIDs: Set<String>
    let productsByID: [String: Product]
    var diagnostics = DiagnosticList()

    init(portal: Portal, date: SimpleDate) {
        self.portal = portal
        self.date = date
        institutions = Dictionary(portal.institutions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        policyIDs = Set(portal.policies.map(\.id))
        productsByID = Dictionary(portal.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether `id` names a file of this kind that exists but could not be
    /// read: a reference to it is not reported as missing (the file has its
    /// own error, and the reference is checked once it reads).
    func isUnread(_ kind: ContentKind, _ id: String) -> Bool {
        portal.unreadIDs[kind]?.contains(id) == true
    }

    /// Reports a problem with a field of a content item, naming its Chinese label.
    mutating func report(_ code: DiagnosticCode, _ source: SourceMap, field: String, specs: [FieldSpec],
                         _ message: String, expected: String? = nil, example: String? = nil) {
        let label = specs.spec(path: Self.stripIndexes(field))?.label
        let prefix = label.map { "\($0) (\(field)): " } ?? ""
        diagnostics.add(Diagnostic(code, at: source.location(field), prefix + message, field: field, label: label,
                                   expected: expected, example: example))
    }

    static func stripIndexes(_ path: String) -> String {
        var out = ""
        var skipping = false
        for c in path {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }
}
