/// The one XML-DSig 1.0 profile Certify signs and accepts (reports.md).
enum DSig {
    static let namespace = "http://www.w3.org/2000/09/xmldsig#"
    static let excC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let ecdsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
    static let enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"

    static let digestPlaceholder = "<ds:DigestValue></ds:DigestValue>"
    static let signaturePlaceholder = "<ds:SignatureValue></ds:SignatureValue>"

    /// The signature template: the last child of the root. `xmlsec1 --sign`
    /// fills the same template (see docs/reports.md), and we verify what it makes.
    static func template(keyName: String) -> String {
        """

          <ds:Signature xmlns:ds="\(namespace)">
            <ds:SignedInfo>
              <ds:CanonicalizationMethod Algorithm="\(excC14N)"/>
              <ds:SignatureMethod Algorithm="\(ecdsaSHA256)"/>
              <ds:Reference URI="">
                <ds:Transforms>
                  <ds:Transform Algorithm="\(enveloped)"/>
                  <ds:Transform Algorithm="\(excC14N)"/>
                </ds:Transforms>
                <ds:DigestMethod Algorithm="\(sha256)"/>
                \(digestPlaceholder)
              </ds:Reference>
            </ds:SignedInfo>
            \(signaturePlaceholder)
            <ds:KeyInfo>
              <ds:KeyName>\(keyName)</ds:KeyName>
            </ds:KeyInfo>
          </ds:Signature>
        """
    }
}
