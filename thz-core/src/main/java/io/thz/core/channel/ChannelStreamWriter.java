package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes a channel stream ({@link ChannelStreamFormat}): the header at construction, then one
 * record per {@link #write}. Every slot must have the header's shape and finite values.
 */
public final class ChannelStreamWriter implements AutoCloseable {

    private final OutputStream out;
    private final ChannelStreamShape shape;
    private final ByteBuffer record;
    private final CRC32 crc = new CRC32();

    /** Writes the header; the caller keeps ownership of buffering (wrap files in a BufferedOutputStream). */
    public ChannelStreamWriter(OutputStream out, ChannelStreamShape shape) {
        if (shape.recordBytes() > ChannelStreamFormat.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a slot of shape " + shape + " needs " + shape.recordBytes()
                    + " bytes, over the format's limit of " + ChannelStreamFormat.MAX_RECORD_BYTES);
        }
        this.out = out;
        this.shape = shape;
        this.record = ByteBuffer.allocate((int) shape.recordBytes());
        ByteBuffer header = ByteBuffer.allocate(ChannelStreamFormat.HEADER_BYTES);
        header.putInt(ChannelStreamFormat.MAGIC).putInt(ChannelStreamFormat.VERSION)
                .putInt(shape.aps()).putInt(shape.rises()).putInt(shape.users())
                .putInt(shape.antennas()).putInt(shape.risElements())
                .putInt(shape.factored() ? ChannelStreamFormat.FLAG_FACTORED : 0);
        write(header.array());
    }

    /** The shape every slot must have. */
    public ChannelStreamShape shape() {
        return shape;
    }

    /** Appends one slot. */
    public void write(long slot, SlotChannels channels) {
        ChannelStreamShape actual = ChannelStreamShape.of(channels);
        boolean sameSizes = actual.aps() == shape.aps() && actual.rises() == shape.rises()
                && actual.users() == shape.users() && actual.antennas() == shape.antennas()
                && actual.risElements() == shape.risElements();
        if (!sameSizes || (shape.factored() && !actual.factored())) {
            throw new IllegalArgumentException("slot " + slot + " has shape " + actual + ", the stream " + shape);
        }
        record.clear();
        record.putLong(slot);
        for (int i = 0; i < shape.aps(); i++) {
            for (int k = 0; k < shape.users(); k++) {
                put(channels.direct()[i][k], 1, shape.antennas(), "direct[" + i + "][" + k + "]", slot);
            }
        }
        for (int j = 0; j < shape.rises(); j++) {
            for (int k = 0; k < shape.users(); k++) {
                put(channels.risUser()[j][k], 1, shape.risElements(), "risUser[" + j + "][" + k + "]", slot);
            }
        }
        for (int i = 0; i < shape.aps(); i++) {
            for (int j = 0; j < shape.rises(); j++) {
                String name = "apRis[" + i + "][" + j + "]";
                if (shape.factored()) {
                    RankOne f = channels.apRisFactor(i, j);
                    put(f.column(), shape.risElements(), 1, name + ".column", slot);
                    put(f.row(), 1, shape.antennas(), name + ".row", slot);
                } else {
                    put(channels.apRis()[i][j], shape.risElements(), shape.antennas(), name, slot);
                }
            }
        }
        crc.reset();
        crc.update(record.array(), 0, record.position());
        record.putInt((int) crc.getValue());
        write(record.array());
    }

    private void put(ZMatrixRMaj m, int rows, int cols, String name, long slot) {
        if (m == null || m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException("slot " + slot + ": " + name + " must be " + rows + " x " + cols
                    + (m == null ? ", is missing" : ", is " + m.numRows + " x " + m.numCols));
        }
        double[] d = m.data;
        for (int p = 0; p < 2 * rows * cols; p++) {
            if (!Double.isFinite(d[p])) {
                throw new IllegalArgumentException("slot " + slot + ": " + name + " holds a non-finite value " + d[p]);
            }
            record.putDouble(d[p]);
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
