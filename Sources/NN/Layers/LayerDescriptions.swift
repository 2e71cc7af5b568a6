/// Every built-in layer prints as its `description`: the code that builds it.
extension Conv2D: CustomStringConvertible {}
extension ConvTranspose2D: CustomStringConvertible {}
extension Dense: CustomStringConvertible {}
extension Pool2D: CustomStringConvertible {}
extension GlobalAvgPool2D: CustomStringConvertible {}
extension AdaptiveAvgPool2D: CustomStringConvertible {}
extension BatchNorm2D: CustomStringConvertible {}
extension Dropout: CustomStringConvertible {}
extension Flatten: CustomStringConvertible {}
extension Upsample: CustomStringConvertible {}
extension ActivationLayer: CustomStringConvertible {}
extension Sequential: CustomStringConvertible {}
extension Residual: CustomStringConvertible {}
extension SkipConcat: CustomStringConvertible {}
