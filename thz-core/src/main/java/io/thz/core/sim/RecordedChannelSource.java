package io.thz.core.sim;

import io.thz.core.channel.ChannelStreamException;
import io.thz.core.channel.ChannelStreamFile;
import io.thz.core.channel.ChannelStreamKey;
import io.thz.core.channel.ChannelStreamRecord;
import io.thz.core.channel.ChannelStreamShape;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioValidator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slots replayed from a channel-stream file ({@link io.thz.core.channel.ChannelStreamFormat}),
 * e.g. one written by {@code thz record} or by the channel-service, or measured channels in the
 * same format.
 *
 * <h2>Episodes</h2>
 * Opening indexes the file's episodes from the record keys alone (no channel is decoded): an
 * episode is T slot records of one episode (slots 0..T-1, consecutive slot indices) and its
 * bootstrap record. The episodes are addressed by their recorded numbers in file order; a
 * trailing incomplete episode (a recording that was stopped mid-episode) is not addressable and
 * {@link #skipped()} says so; any other break in that structure, a repeated episode number or a
 * file without one complete episode is refused naming the byte offset. Records are decoded, and
 * their checksums checked, when they are played.
 *
 * <h2>End of the recording</h2>
 * Only the recorded episodes exist: {@link #positionOf} refuses any other number, and within an
 * episode {@link #next()} refuses to go past slot T-1. What comes after the last episode is the
 * caller's decision ({@link io.thz.core.env.ThzNetworkEnv} starts again from the first, as its
 * {@code reset()} does at the end of its range of episodes).
 *
 * <p>A recording without geometry (measured channels) gives slots with no user positions and no
 * LoS draws (empty arrays); the environment does not need them. Not thread-safe.
 */
public final class RecordedChannelSource implements ChannelSource {

    private final ChannelStreamFile file;
    private final long seed;
    private final long[] episodeNumbers;
    private final long[] firstRecords;
    private final Map<Long, Integer> positions = new HashMap<>();
    private final String skipped;
    private final int slotsPerEpisode;
    private int current = -1;
    private int nextInEpisode;

    private RecordedChannelSource(ChannelStreamFile file, long fallbackSeed) {
        this.file = file;
        this.seed = file.header().seed().orElse(fallbackSeed);
        this.slotsPerEpisode = file.shape().slotsPerEpisode();
        List<long[]> episodes = new ArrayList<>();
        String tail = null;
        long n = file.records();
        long r = 0;
        while (r < n) {
            ChannelStreamKey first = key(r);
            long have = Math.min(slotsPerEpisode + 1L, n - r);
            for (int s = 0; s < have; s++) {
                ChannelStreamKey k = s == 0 ? first : key(r + s);
                if (k.episode() != first.episode() || k.slotInEpisode() != s || k.slot() != first.slot() + s) {
                    throw brokenEpisode(r + s, k, first.episode(), s, first.slot() + s);
                }
            }
            if (have < slotsPerEpisode + 1L) {
                tail = have == 1
                        ? String.format(Locale.ROOT, "the last record (slot 0 of episode %d, at byte offset %d) begins an "
                        + "incomplete episode (T = %d slots and a bootstrap record); it is not replayed", first.episode(),
                        file.offsetOf(r), slotsPerEpisode)
                        : String.format(Locale.ROOT, "the last %d records (slots 0..%d of episode %d, from byte offset %d) "
                        + "are an incomplete episode (T = %d slots and a bootstrap record); they are not replayed", have,
                        have - 1, first.episode(), file.offsetOf(r), slotsPerEpisode);
            } else {
                Integer seen = positions.put(first.episode(), episodes.size());
                if (seen != null) {
                    throw new ChannelStreamException("episode " + first.episode() + " is recorded twice: at byte offsets "
                            + file.offsetOf(episodes.get(seen)[1]) + " and " + file.offsetOf(r), file.offsetOf(r));
                }
                episodes.add(new long[] {first.episode(), r});
            }
            r += have;
        }
        if (episodes.isEmpty()) {
            throw new ChannelStreamException(file.path() + " holds no complete episode (T = " + slotsPerEpisode
                    + " slot records and a bootstrap record) in its " + n + " records"
                    + (tail == null ? "" : ": " + tail), file.offsetOf(n));
        }
        this.episodeNumbers = episodes.stream().mapToLong(e -> e[0]).toArray();
        this.firstRecords = episodes.stream().mapToLong(e -> e[1]).toArray();
        this.skipped = tail;
    }

    /**
     * Opens a recording for a scenario.
     *
     * @throws IOException                when the file cannot be opened
     * @throws ChannelStreamException     when it is not a complete version-2 channel stream, naming the offset
     * @throws RecordingMismatchException when it was recorded for another network, naming each difference
     * @throws io.thz.core.scenario.ScenarioException when the scenario breaks a validation rule
     */
    public static RecordedChannelSource open(Path path, Scenario scenario) throws IOException {
        ScenarioValidator.validate(scenario);
        ChannelStreamFile file = ChannelStreamFile.open(path);
        try {
            List<String> differences = file.shape().differencesFrom(ChannelRecorder.streamShape(scenario),
                    "the recording", "the scenario");
            if (!differences.isEmpty()) {
                throw new RecordingMismatchException(path.toString(), differences);
            }
            return new RecordedChannelSource(file, scenario.seed());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The file replayed. */
    public Path path() {
        return file.path();
    }

    /** The recording's shape. */
    public ChannelStreamShape shape() {
        return file.shape();
    }

    /** Whether the recording names the seed it was simulated with (else {@link #seed()} is the scenario's). */
    public boolean seedRecorded() {
        return file.header().seed().isPresent();
    }

    /** What was left out of the replay (a trailing incomplete episode), or null. */
    public String skipped() {
        return skipped;
    }

    /** Slots the recording can play: its complete episodes times T. */
    public long playableSlots() {
        return episodeNumbers.length * (long) slotsPerEpisode;
    }

    /** One line for logs: the file, its episodes, the seed and anything skipped. */
    public String summary() {
        String numbers = episodeNumbers.length == 1 ? Long.toString(episodeNumbers[0])
                : episodeNumbers[0] + ".." + episodeNumbers[episodeNumbers.length - 1];
        return String.format(Locale.ROOT, "%s: %d episode%s (%s) of T = %d slots, %s%s", file.path(),
                episodeNumbers.length, episodeNumbers.length == 1 ? "" : "s", numbers, slotsPerEpisode,
                seedRecorded() ? "seed " + seed : "no recorded seed (policy streams from the scenario's seed " + seed + ")",
                skipped == null ? "" : "; " + skipped);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long episodes() {
        return episodeNumbers.length;
    }

    @Override
    public long episode(long position) {
        if (position < 0 || position >= episodeNumbers.length) {
            throw new IllegalArgumentException("position " + position + " must be in 0.." + (episodeNumbers.length - 1)
                    + " (" + file.path() + " holds " + episodeNumbers.length + " complete episodes)");
        }
        return episodeNumbers[(int) position];
    }

    @Override
    public long positionOf(long episode) {
        Integer p = positions.get(episode);
        if (p == null) {
            throw new IllegalArgumentException("episode=" + episode + " is not in the recording " + file.path()
                    + " (it holds " + describeEpisodes() + ")");
        }
        return p;
    }

    @Override
    public void seekEpisode(long episode) {
        current = (int) positionOf(episode);
        nextInEpisode = 0;
    }

    @Override
    public NetworkSlot next() {
        if (current < 0) {
            throw new IllegalStateException("no episode of " + file.path() + " chosen; call seekEpisode first");
        }
        if (nextInEpisode >= slotsPerEpisode) {
            throw new IllegalStateException("episode " + episodeNumbers[current] + " of " + file.path() + " has "
                    + slotsPerEpisode + " slots, all handed out; its bootstrap slot or another episode comes next");
        }
        return slot(firstRecords[current] + nextInEpisode++);
    }

    @Override
    public NetworkSlot bootstrap() {
        if (current < 0 || nextInEpisode != slotsPerEpisode) {
            throw new IllegalStateException("the bootstrap slot follows an episode's last slot; the last slot handed "
                    + "out was not one");
        }
        nextInEpisode++;
        return slot(firstRecords[current] + slotsPerEpisode);
    }

    @Override
    public void close() {
        file.close();
    }

    private NetworkSlot slot(long record) {
        ChannelStreamRecord r = file.read(record);
        if (r.hasGeometry()) {
            return new NetworkSlot(r.slot(), r.episode(), r.slotInEpisode(), r.lastInEpisode(), r.positions(),
                    r.losDirect(), r.losRis(), r.channels(), r.arrivalsGbit());
        }
        return new NetworkSlot(r.slot(), r.episode(), r.slotInEpisode(), r.lastInEpisode(), List.of(),
                new boolean[0][], new boolean[0][], r.channels(), r.arrivalsGbit());
    }

    private String describeEpisodes() {
        if (episodeNumbers.length <= 8) {
            return "episode" + (episodeNumbers.length == 1 ? " " : "s ")
                    + java.util.Arrays.toString(episodeNumbers).replaceAll("[\\[\\]]", "");
        }
        return episodeNumbers.length + " episodes, " + episodeNumbers[0] + " first and "
                + episodeNumbers[episodeNumbers.length - 1] + " last";
    }

    /** The key of a record; a record whose key is corrupt is reported by its checksum when that fails. */
    private ChannelStreamKey key(long record) {
        try {
            return file.key(record);
        } catch (ChannelStreamException e) {
            file.checkRecord(record);
            throw e;
        }
    }

    private ChannelStreamException brokenEpisode(long record, ChannelStreamKey found, long episode, int slotInEpisode,
                                                 long slot) {
        file.checkRecord(record); // a flipped bit is reported as the corruption it is
        long at = file.offsetOf(record);
        return new ChannelStreamException(String.format(Locale.ROOT, "broken episode structure: record %d at byte "
                        + "offset %d is slot %d (slot %d of episode %d), expected slot %d (slot %d of episode %d): an "
                        + "episode is T = %d slot records with consecutive slot indices and then its bootstrap record",
                record, at, found.slot(), found.slotInEpisode(), found.episode(), slot, slotInEpisode, episode,
                slotsPerEpisode), at);
    }
}
