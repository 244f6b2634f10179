import Foundation

/// What a loan costs, repaid in equal monthly instalments (等额本息), from its
/// annualised rate as PBoC announcement 〔2021〕第3号 defines it: a simple
/// annualised rate is twelve times the monthly rate; a compound one is
/// (1 + monthly)^12 − 1. The page script's calculator uses the same formulas
/// (themes/default/assets/app.js, `loanCost`), and tests hold both to the same figures.
public struct LoanCost: Sendable, Equatable {
    /// Payment per month and total interest, in yuan, rounded to 2 decimals.
    public let monthlyPayment: Double
    public let totalInterest: Double

    /// - Parameters: principal in yuan, months ≥ 1, annual rate in percent.
    public static func equalInstalments(principal: Double, months: Int, annualRatePercent: Double, compound: Bool) -> LoanCost? {
        guard principal > 0, months >= 1, annualRatePercent >= 0, annualRatePercent < 100 else { return nil }
        let annual = annualRatePercent / 100
        let monthly = compound ? pow(1 + annual, 1.0 / 12) - 1 : annual / 12
        let n = Double(months)
        let payment = monthly == 0 ? principal / n : principal * monthly * pow(1 + monthly, n) / (pow(1 + monthly, n) - 1)
        let rounded = (payment * 100).rounded() / 100
        return LoanCost(monthlyPayment: rounded, totalInterest: ((payment * n - principal) * 100).rounded() / 100)
    }
}
