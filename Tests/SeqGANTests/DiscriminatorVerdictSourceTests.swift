import Foundation
import SeqGAN
import Testing

@Suite("Where a discriminator's verdict says its sequences came from")
struct DiscriminatorVerdictSourceTests {
    @Test("a file as it was named, or the generator's samples with their seed")
    func description() {
        #expect("\(DiscriminatorVerdict.Source.file(URL(fileURLWithPath: "runs/oracle/train.txt")))" == "runs/oracle/train.txt")
        #expect("\(DiscriminatorVerdict.Source.samples(count: 20, seed: 9))" == "samples of its generator (seed 9)")
    }
}
