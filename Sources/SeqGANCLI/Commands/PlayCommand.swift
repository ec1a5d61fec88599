import ArgumentParser
import Audio
import Foundation
import MusicGeneration
import TensorCore

/// `seqgan play`: Play a MIDI or audio file through ALSA.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a MIDI or audio file, or a new tune from a trained run, through ALSA.",
        discussion: """
            MIDI files (.mid) are rendered first (see --instrument); audio files (.wav, .flac, \
            .ogg, ...) are played as they are. A run folder of `seqgan train` generates one new \
            tune (with --seed, --temperature, --key, --tempo, ..., and --primer FILE.mid to continue \
            a melody), prints it and plays it. \
            Ctrl-C stops playback at once (exit status 130). \
            With no sound card, use --device null, or --device "file:'/tmp/out.wav',wav" to \
            record what would be played, or `seqgan export` to write a file.
            """)

    @Argument(help: ArgumentHelp("The MIDI or audio file to play, or a run folder to generate a tune from.", valueName: "in"))
    var input: String

    @Option(
        help: ArgumentHelp(
            "The ALSA PCM to play through: default, hw:0,0, plughw:1, null, "
                + "or file:'/tmp/out.wav',wav.",
            valueName: "name"))
    var device = "default"

    @OptionGroup var render: RenderOptions

    @OptionGroup(title: "Generation (when IN is a run folder; --seed also seeds the tune)")
    var generation: GenerationOptions

    func run() throws {
        var isDirectory: ObjCBool = false
        let isRun = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
        let audio: AudioBuffer
        if isRun {
            audio = try generateTune()
        } else if RenderOptions.isMIDIFile(input) {
            audio = try render.renderMIDIFile(at: input)
        } else {
            audio = try AudioFile.read(from: URL(fileURLWithPath: input))
        }
        let sink: ALSAPlaybackSink
        do {
            sink = try ALSAPlaybackSink(
                device: device, sampleRate: audio.sampleRate, channelCount: audio.channelCount)
        } catch AudioDeviceError.cannotOpen(let device, let reason) {
            let writeFile =
                isRun
                ? "seqgan generate \(input) -n 1 --seed \(render.seed) -o tunes --wav"
                : "seqgan export \(input) -o out.wav"
            throw PlayError.deviceUnavailable(device: device, reason: reason, writeFile: writeFile)
        }
        let terminal = isatty(STDOUT_FILENO) == 1
        var shownSecond = -1
        InterruptSignal.install()
        let outcome = try AudioPlayer(sink: sink).play(
            audio, shouldStop: { InterruptSignal.isRequested },
            progress: { position in
                guard terminal, Int(position.elapsed) != shownSecond else { return }
                shownSecond = Int(position.elapsed)
                let line =
                    "\rplaying \(input)  \(RenderOptions.formatDuration(position.elapsed, tenths: false)) / "
                    + RenderOptions.formatDuration(position.total, tenths: false)
                FileHandle.standardOutput.write(Data(line.utf8))
            })
        if terminal { print("") }
        switch outcome {
        case .finished:
            print("played \(input) (\(RenderOptions.formatDuration(audio.duration))) on \(device)")
        case .interrupted:
            print("stopped \(input)")
            throw ExitCode(130)
        }
    }
}

extension PlayCommand {
    /// Samples one tune from the run folder `input`, prints its summary and renders it.
    func generateTune() throws -> AudioBuffer {
        BLAS.threadCount = 1
        let model = try MusicModel(runDirectory: URL(fileURLWithPath: input))
        let (sequences, options) = try generation.sample(count: 1, from: model, seed: render.seed)
        let tune = model.tune(from: sequences[0], options: options)
        print("tune from \(input) (seed \(render.seed)): \(TuneSummary(tune))")
        return try Synthesizer(settings: render.settings).render(tune.notes)
    }
}

/// Failures of `seqgan play` that deserve advice rather than ALSA's bare text.
enum PlayError: Error, CustomStringConvertible {
    /// The device could not be opened, typically `default` on a machine with no sound card.
    /// `writeFile` is the command that writes the sound to a file instead.
    case deviceUnavailable(device: String, reason: String, writeFile: String)

    var description: String {
        switch self {
        case .deviceUnavailable(let device, let reason, let writeFile):
            device == "default"
                ? "cannot open audio device 'default' (\(reason)): no sound card? Write a file "
                    + "with `\(writeFile)`, or pick a device with --device "
                    + "(null, or \"file:'/tmp/out.wav',wav\")"
                : "cannot open audio device '\(device)' (\(reason)): check the name "
                    + "(`aplay -L` lists them), or write a file with "
                    + "`\(writeFile)`"
        }
    }
}
