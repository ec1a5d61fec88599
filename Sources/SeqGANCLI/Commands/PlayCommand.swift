import ArgumentParser
import Audio
import Foundation
import MusicGeneration

/// `seqgan play`: Play a MIDI or audio file through ALSA.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a MIDI or audio file, or a new tune from a trained run, through ALSA.",
        discussion: """
            MIDI files are rendered (see --instrument), audio files (.wav, .flac, .ogg, ...) played \
            as they are; a run folder generates one new tune (--seed, --temperature, --key, \
            --primer, ...), prints it and plays it. Ctrl-C stops at once (exit status 130). With no \
            sound card: --device null, --device "file:'/tmp/out.wav',wav", or `seqgan export`.
            """)

    @Argument(help: ArgumentHelp("The MIDI or audio file to play, or a run folder to generate a tune from.", valueName: "in"))
    var input: String

    @Option(help: ArgumentHelp("The ALSA PCM to play through: default, hw:0,0, plughw:1, null, or file:'/tmp/out.wav',wav.", valueName: "name"))
    var device = "default"

    @OptionGroup var render: RenderOptions

    @OptionGroup(title: "Generation (when IN is a run folder; --seed also seeds the tune)")
    var generation: GenerationOptions

    func run() throws {
        let playable = try PlayableInput(
            path: input, request: try generation.request(), seed: render.seed, settings: render.settings)
        let (lines, warnings) = playable.announcement(path: input, seed: render.seed)
        warnings.forEach(printToStandardError)
        lines.forEach { print($0) }
        let terminal = isatty(STDOUT_FILENO) == 1
        let outcome = try playable.play(device: device, path: input, seed: render.seed) { position in
            if terminal { FileHandle.standardOutput.write(Data("\rplaying \(input)  \(position.clock)".utf8)) }
        }
        if terminal { print("") }
        print(outcome.summary(of: input, duration: playable.audio.duration, device: device))
        if outcome == .interrupted { throw ExitCode(130) }
    }
}
