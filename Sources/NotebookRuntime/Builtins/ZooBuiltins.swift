import Autograd
import Lang
import NN
import Tensor

/// The model zoo: LeNet-5, AlexNet, VGG, ResNet (ImageNet and CIFAR families), plain nets, U-Net.
/// Weights are drawn from the session's seed (`%seed`).
enum ZooBuiltins {
  static func register(_ r: Registrar) {
    let classes = { (value: Int) in P.labelled("classes", "Int", default: .int(value)) }
    let simple: [(String, Int, String, (Int, UInt64) throws -> Sequential)] = [
      (
        "LeNet5", 10,
        "LeNet-5 (LeCun et al. 1998) for 1x32x32 images: two 5x5 convolutions with tanh and average pooling, then 120, 84 and 10 units. 61,706 parameters.",
        { try LeNet5(classes: $0, seed: $1) }
      ),
      (
        "AlexNet", 1000,
        "AlexNet (Krizhevsky et al. 2012) as in torchvision, for 3x224x224 images: five convolutions, three dense layers. 61,100,840 parameters.",
        { try AlexNet(classes: $0, seed: $1) }
      ),
      (
        "VGG11", 1000,
        "VGG-11 (Simonyan & Zisserman 2014): 3x3 convolutions in five stages, three dense layers.",
        { try VGG11(classes: $0, seed: $1) }
      ),
      (
        "VGG13", 1000, "VGG-13: 3x3 convolutions in five stages of two, three dense layers.",
        { try VGG13(classes: $0, seed: $1) }
      ),
      (
        "VGG16", 1000,
        "VGG-16 (configuration D): thirteen 3x3 convolutions and three dense layers for 3x224x224 images. 138,357,544 parameters.",
        { try VGG16(classes: $0, seed: $1) }
      ),
      (
        "VGG19", 1000, "VGG-19 (configuration E): sixteen 3x3 convolutions and three dense layers.",
        { try VGG19(classes: $0, seed: $1) }
      ),
      (
        "ResNet18", 1000,
        "ResNet-18 (He et al. 2016) for 3x224x224 images: basic residual blocks [2, 2, 2, 2].",
        { try ResNet18(classes: $0, seed: $1) }
      ),
      (
        "ResNet34", 1000, "ResNet-34: basic residual blocks [3, 4, 6, 3]. 21,797,672 parameters.",
        { try ResNet34(classes: $0, seed: $1) }
      ),
      (
        "ResNet50", 1000,
        "ResNet-50: bottleneck residual blocks [3, 4, 6, 3]. 25,557,032 parameters.",
        { try ResNet50(classes: $0, seed: $1) }
      ),
    ]
    for (name, defaultClasses, doc, make) in simple {
      r.add(
        name, [classes(defaultClasses)], returns: "Sequential", doc: doc,
        example: "\(name)().summary()"
      ) { a in
        LayerBuiltins.wrap(try make(try a.int("classes"), r.runtime.nextSeed()), r)
      }
    }
    registerCIFAR(r)
    registerUNet(r)
  }

  private static func registerCIFAR(_ r: Registrar) {
    r.add(
      "ResNet",
      [
        P.labelled("depth", "Int"), P.labelled("baseWidth", "Int", default: .int(16)),
        P.labelled("inChannels", "Int", default: .int(1)),
        P.labelled("classes", "Int", default: .int(10)),
      ],
      returns: "Sequential",
      doc:
        "The CIFAR-style ResNet of He et al. (2016, §4.2) for [C, 32, 32] images: depth 6n + 2 (20, 32, 44, 56, 110), three stages of 16, 32, 64 filters (baseWidth, twice and four times it), identity shortcuts (zero-padded when the shape changes).",
      example: "ResNet(depth: 20)"
    ) { a in
      LayerBuiltins.wrap(
        try ResNet(
          depth: try a.int("depth"), baseWidth: try a.int("baseWidth"),
          inChannels: try a.int("inChannels"), classes: try a.int("classes"),
          seed: r.runtime.nextSeed()), r)
    }
    r.add(
      "PlainNet",
      [
        P.labelled("depth", "Int"),
        P.labelled(
          "activation", "Activation", default: .implicitMember("relu"),
          implicit: LayerBuiltins.activations),
        P.labelled("batchNorm", "Bool", default: .bool(true)),
        P.labelled("weightScale", "Double", default: .double(1)),
        P.labelled("baseWidth", "Int", default: .int(16)),
        P.labelled("inChannels", "Int", default: .int(1)),
        P.labelled("classes", "Int", default: .int(10)),
      ],
      returns: "Sequential",
      doc:
        "The ResNet of the same depth without its shortcuts (He et al.'s plain baseline). weightScale multiplies every initial weight (> 1 to make gradients explode); baseWidth as ResNet's.",
      example: "PlainNet(depth: 20, activation: .sigmoid)"
    ) { a in
      LayerBuiltins.wrap(
        try PlainNet(
          depth: try a.int("depth"), activation: try LayerBuiltins.activation(a["activation"]),
          batchNorm: try a.bool("batchNorm"), weightScale: try a.double("weightScale"),
          baseWidth: try a.int("baseWidth"), inChannels: try a.int("inChannels"),
          classes: try a.int("classes"),
          seed: r.runtime.nextSeed()), r)
    }
  }

  private static func registerUNet(_ r: Registrar) {
    r.add(
      "UNet",
      [
        P.labelled("inChannels", "Int", default: .int(1)),
        P.labelled("classes", "Int", default: .int(2)),
        P.labelled("baseWidth", "Int", default: .int(64)),
        P.labelled("depth", "Int", default: .int(4)),
        P.labelled(
          "padding", "Padding", default: .implicitMember("valid"), implicit: ["valid", "same"]),
      ],
      returns: "Sequential",
      doc:
        "U-Net (Ronneberger et al. 2015): an encoder of 3x3 convolutions and 2x2 max pooling, a decoder of 2x2 up-convolutions, skip connections that concatenate the encoder's maps. padding: .valid is the paper's (572 → 388); .same keeps the size (inputs divisible by 2^depth).",
      example: "UNet(inChannels: 1, classes: 2).summary(input: [1, 572, 572])"
    ) { a in
      LayerBuiltins.wrap(
        try UNet(
          inChannels: try a.int("inChannels"), classes: try a.int("classes"),
          baseWidth: try a.int("baseWidth"), depth: try a.int("depth"),
          padding: try LayerBuiltins.padding(a["padding"]), seed: r.runtime.nextSeed()), r)
    }
  }
}
