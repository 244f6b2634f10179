/// Whether text is announced as UTF-8 with an ECI designator, ECI 26
/// (ISO/IEC 18004:2015 §7.4.2). Without one a reader assumes ISO/IEC 8859-1,
/// though most readers guess UTF-8 anyway.
public enum QRECIMode: Sendable {
    /// Only when the text is not plain ASCII (ASCII reads the same in both).
    case auto
    /// Always, even for ASCII: costs 12 bits.
    case on
    /// Never.
    case off
}
