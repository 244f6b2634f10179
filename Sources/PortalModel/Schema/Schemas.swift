/// The field tables of the content contract (shared/design/content-model.md),
/// written once. Every other part of Huiqi reads them from here.
public enum Schemas {}

extension Schemas {
    static let targetChoices = TargetCustomer.pairs
    static let rangeHelp = "写成 {min: 下限, max: 上限}"
}
