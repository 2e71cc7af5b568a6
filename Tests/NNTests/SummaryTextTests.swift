import Testing

@testable import NN

@Suite("Summary")
struct SummaryTests {
  @Test("LeNet-5's text summary, exactly")
  func lenetText() throws {
    let expected = """
      ===========================================================================================================
      Layer (type:depth-idx)                   Output Shape              Param #         Mult-Adds          RF
      ===========================================================================================================
      Sequential                               [1, 10]                   --              --                 --
      ├─Conv2D: 1-1                            [1, 6, 28, 28]            156             122,304            5x5
      ├─AvgPool2D: 1-2                         [1, 6, 14, 14]            --              --                 6x6
      ├─Conv2D: 1-3                            [1, 16, 10, 10]           2,416           241,600            14x14
      ├─AvgPool2D: 1-4                         [1, 16, 5, 5]             --              --                 16x16
      ├─Flatten: 1-5                           [1, 400]                  --              --                 --
      ├─Dense: 1-6                             [1, 120]                  48,120          48,120             --
      ├─Dense: 1-7                             [1, 84]                   10,164          10,164             --
      ├─Dense: 1-8                             [1, 10]                   850             850                --
      ===========================================================================================================
      Total params: 61,706
      Trainable params: 61,706
      Non-trainable params: 0
      Total mult-adds (M): 0.42
      ===========================================================================================================
      Input size (MB): 0.00
      Forward/backward pass size (MB): 0.07
      Params size (MB): 0.25
      Estimated Total Size (MB): 0.32
      Inference activations, peak (MB): 0.02
      ===========================================================================================================
      Output-size arithmetic
      Conv2D: 1-1     W' = (W − F + 2P)/S + 1 = (32 − 5 + 0)/1 + 1 = 28
      AvgPool2D: 1-2  W' = (W − F + 2P)/S + 1 = (28 − 2 + 0)/2 + 1 = 14
      Conv2D: 1-3     W' = (W − F + 2P)/S + 1 = (14 − 5 + 0)/1 + 1 = 10
      AvgPool2D: 1-4  W' = (W − F + 2P)/S + 1 = (10 − 2 + 0)/2 + 1 = 5
      ===========================================================================================================
      """
    #expect(try LeNet5().summary().text == expected)
  }

  @Test("A nested model with a residual block, exactly")
  func nestedText() throws {
    let expected = """
      ===========================================================================================================
      Layer (type:depth-idx)                   Output Shape              Param #         Mult-Adds          RF
      ===========================================================================================================
      Sequential                               [1, 10]                   --              --                 --
      ├─Conv2D (stem): 1-1                     [1, 16, 32, 32]           432             442,368            3x3
      ├─BatchNorm2D: 1-2                       [1, 16, 32, 32]           32              32                 3x3
      ├─ReLU: 1-3                              [1, 16, 32, 32]           --              --                 3x3
      ├─Residual: 1-4                          [1, 32, 16, 16]           --              --                 9x9
      │    └─Conv2D: 2-1                       [1, 32, 16, 16]           4,608           1,179,648          5x5
      │    └─BatchNorm2D: 2-2                  [1, 32, 16, 16]           64              64                 5x5
      │    └─ReLU: 2-3                         [1, 32, 16, 16]           --              --                 5x5
      │    └─Conv2D: 2-4                       [1, 32, 16, 16]           9,216           2,359,296          9x9
      │    └─BatchNorm2D: 2-5                  [1, 32, 16, 16]           64              64                 9x9
      ├─MaxPool2D: 1-5                         [1, 32, 7, 7]             --              --                 13x13
      ├─GlobalAvgPool2D: 1-6                   [1, 32]                   --              --                 --
      ├─Dense: 1-7                             [1, 10]                   330             330                --
      ===========================================================================================================
      Total params: 14,746
      Trainable params: 14,746
      Non-trainable params: 0
      Buffers (running statistics): 160
      Total mult-adds (M): 3.98
      ===========================================================================================================
      Input size (MB): 0.01
      Forward/backward pass size (MB): 0.73
      Params size (MB): 0.06
      Estimated Total Size (MB): 0.81
      Inference activations, peak (MB): 0.13
      ===========================================================================================================
      Output-size arithmetic
      Conv2D (stem): 1-1  W' = (W − F + 2P)/S + 1 = (32 − 3 + 2)/1 + 1 = 32
      Conv2D: 2-1         W' = (W − F + 2P)/S + 1 = (32 − 3 + 2)/2 + 1 = 16 (floored: 31/2 = 15.5, the stride does not divide evenly)
      Conv2D: 2-4         W' = (W − F + 2P)/S + 1 = (16 − 3 + 2)/1 + 1 = 16
      MaxPool2D: 1-5      W' = (W − F + 2P)/S + 1 = (16 − 3 + 0)/2 + 1 = 7 (floored: 13/2 = 6.5, the stride does not divide evenly)
      ===========================================================================================================
      """
    #expect(try nestedModel().summary().text == expected)
  }
}

/// A stem, an option-A residual block that halves the map, pooling and a classifier.
func nestedModel() throws -> Sequential {
  try Sequential(input: [3, 32, 32]) {
    Conv2D(16, kernel: 3, padding: 1, bias: false).named("stem")
    BatchNorm2D()
    ReLU()
    Residual(shortcut: .zeroPad(stride: 2)) {
      Conv2D(32, kernel: 3, stride: 2, padding: 1, bias: false)
      BatchNorm2D()
      ReLU()
      Conv2D(32, kernel: 3, padding: 1, bias: false)
      BatchNorm2D()
    }
    MaxPool2D(3, stride: 2)
    GlobalAvgPool2D()
    Dense(10)
  }
}
