import ArgumentParser
import Reports

/// `seqgan midi roll FILE.mid -o roll.svg`: a piano-roll picture of a MIDI file.
struct MIDIRollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roll",
        abstract: "Draw a MIDI file's notes as a piano-roll picture (SVG): time across, pitch up, bar lines from its time signature.")

    @Argument(help: "The Standard MIDI File (.mid) to draw.")
    var file: String

    @Option(name: .shortAndLong, help: "The picture to write (.svg).")
    var output: String

    @Option(parsing: .unconditional, help: "Width of the picture in pixels.")
    var width: Double = 640

    @Option(parsing: .unconditional, help: "Height of the picture in pixels.")
    var height: Double = 200

    func validate() throws {
        try require(output.lowercased().hasSuffix(".svg"), "-o must name an .svg file")
        try require(width >= 100 && height >= 50, "--width must be at least 100 and --height at least 50")
    }

    func run() throws {
        print(try PianoRoll.writeSVG(ofMIDIFile: file, to: output, width: width, height: height))
    }
}
