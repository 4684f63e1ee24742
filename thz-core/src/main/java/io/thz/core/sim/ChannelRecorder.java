package io.thz.core.sim;

import io.thz.core.channel.ChannelStreamRecord;
import io.thz.core.channel.ChannelStreamShape;
import io.thz.core.channel.ChannelStreamWriter;
import io.thz.core.scenario.Scenario;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A source that writes every slot it hands out, bootstrap slots included, to a channel stream:
 * wrapped around the source of an environment, it records exactly what the environment consumed,
 * so {@link RecordedChannelSource} replays the run. Closing it closes the stream and the source.
 */
public final class ChannelRecorder implements ChannelSource {

    /** Output buffer of {@link #toFile}, in bytes. */
    private static final int FILE_BUFFER_BYTES = 1 << 20;

    private final ChannelSource source;
    private final ChannelStreamWriter writer;

    /** Records {@code source}'s slots with {@code writer}, whose shape must be the source's network. */
    public ChannelRecorder(ChannelSource source, ChannelStreamWriter writer) {
        this.source = source;
        this.writer = writer;
    }

    /**
     * Records {@code source}, slots of {@code scenario}'s network, to a new file (replaced if it
     * exists), with the source's seed in the header.
     */
    public static ChannelRecorder toFile(ChannelSource source, Scenario scenario, Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER_BYTES);
        try {
            return new ChannelRecorder(source, new ChannelStreamWriter(out, streamShape(scenario),
                    OptionalLong.of(source.seed())));
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * The stream shape of a scenario's simulated slots: its network's sizes and user table, AP-RIS
     * channels as rank-one factors (as the generator makes them), positions and LoS draws included.
     */
    public static ChannelStreamShape streamShape(Scenario scenario) {
        return new ChannelStreamShape(scenario.deployment().aps().size(), scenario.deployment().rises().size(),
                scenario.network().antennas(), scenario.network().risElements(), scenario.slotsPerEpisode(),
                scenario.users(), true, true);
    }

    /** The stream record of a slot. */
    public static ChannelStreamRecord toRecord(NetworkSlot s, int slotsPerEpisode) {
        boolean bootstrap = s.slotInEpisode() == slotsPerEpisode;
        return new ChannelStreamRecord(s.slot(), s.episode(), s.slotInEpisode(), s.lastInEpisode(), bootstrap,
                s.arrivalsGbit(), s.users(), s.losDirect(), s.losRis(), s.channels());
    }

    /** The stream written. */
    public ChannelStreamWriter writer() {
        return writer;
    }

    @Override
    public long seed() {
        return source.seed();
    }

    @Override
    public long episodes() {
        return source.episodes();
    }

    @Override
    public long episode(long position) {
        return source.episode(position);
    }

    @Override
    public long positionOf(long episode) {
        return source.positionOf(episode);
    }

    @Override
    public void seekEpisode(long episode) {
        source.seekEpisode(episode);
    }

    @Override
    public NetworkSlot next() {
        return record(source.next());
    }

    @Override
    public NetworkSlot bootstrap() {
        return record(source.bootstrap());
    }

    private NetworkSlot record(NetworkSlot s) {
        writer.write(toRecord(s, writer.shape().slotsPerEpisode()));
        return s;
    }

    /** Closes the stream (flushing it), then the source. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            source.close();
        }
    }
}
