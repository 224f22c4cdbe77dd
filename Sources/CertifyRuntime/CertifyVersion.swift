/// The engine version that reports and the command line state.
public enum CertifyVersion {
    public static let string = "0.1.0"
}
