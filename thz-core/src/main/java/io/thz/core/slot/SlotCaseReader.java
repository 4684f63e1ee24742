package io.thz.core.slot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.thz.core.channel.SlotChannels;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.noma.UserClustering;
import io.thz.core.ris.RisConfiguration;
import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads and validates a slot case (spec section 11). Strict: an unknown or missing field, a
 * wrong shape, a non-finite number (NaN, Infinity), a negative power, an AP over P_max, an
 * unknown user type, a phase level out of range, an on flag other than 0/1, or an AP whose users
 * cannot fill its clusters is refused with a {@link SlotCaseException} naming the JSON path.
 *
 * <p>Cluster-filling rule: under QoS clustering every AP serves exactly rfChains SE users (each
 * heads a cluster) and any number of IoT users; under CSI clustering every AP serves at least
 * rfChains users. Every AP of {@code channels.direct} must therefore serve users.
 */
public final class SlotCaseReader {

    /** The clustering of a case without {@code config.clustering} (spec section 11). */
    public static final Clustering DEFAULT_CLUSTERING = Clustering.QOS;

    /**
     * Relative slack on an AP's power sum against P_max, so that a power split that sums to
     * P_max in exact arithmetic is not refused for its last rounding bit.
     */
    public static final double POWER_SUM_SLACK = 1e-12;

    /** Largest accepted B_A: 2^16 phase levels is already far beyond any phase shifter. */
    public static final int MAX_AP_PHASE_BITS = 16;

    /** Accepted B_R range (spec section 1). */
    public static final int MIN_RIS_BITS = 1;
    public static final int MAX_RIS_BITS = 4;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN gets a path, not a parse error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> ROOT_FIELDS = List.of("config", "users", "channels", "actions");
    private static final List<String> CONFIG_FIELDS = List.of("antennas", "rfChains", "apPhaseBits",
            "risElements", "risBits", "bandwidthHz", "noiseDbmPerHz", "pmaxW", "xi", "pbbW", "prfW",
            "ppsW", "ppaW", "pdW", "pRisPerBitW");
    private static final List<String> USER_FIELDS = List.of("ap", "type");
    private static final List<String> CHANNEL_FIELDS = List.of("direct", "risUser", "apRis");
    private static final List<String> ACTION_FIELDS = List.of("ris", "powerW");
    private static final List<String> RIS_ACTION_FIELDS = List.of("on", "phase");

    private SlotCaseReader() {
    }

    /** Reads a case from a stream (not closed). */
    public static SlotCase read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        return fromTree(root);
    }

    /** Reads a case from a reader (not closed). */
    public static SlotCase read(Reader in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        return fromTree(root);
    }

    /** Reads a case from a JSON text. */
    public static SlotCase parse(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static SlotCaseException syntax(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "input"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new SlotCaseException(where, "malformed JSON: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Validates a parsed JSON tree and builds the case. */
    public static SlotCase fromTree(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new SlotCaseException("input", "empty, expected a slot case object");
        }
        object(root, "(root)", ROOT_FIELDS, List.of());
        SlotConfig config = config(required(root, "config", ""), "config");

        JsonNode usersNode = array(required(root, "users", ""), "users");
        if (usersNode.isEmpty()) {
            throw new SlotCaseException("users", "expected at least one user, got none");
        }
        int userCount = usersNode.size();
        int[] userAp = new int[userCount];
        UserType[] userType = new UserType[userCount];
        for (int k = 0; k < userCount; k++) {
            String path = "users[" + k + "]";
            JsonNode user = object(usersNode.get(k), path, USER_FIELDS, List.of());
            userAp[k] = integer(required(user, "ap", path), path + ".ap");
            userType[k] = userType(required(user, "type", path), path + ".type");
        }

        JsonNode channelsNode = object(required(root, "channels", ""), "channels", CHANNEL_FIELDS, List.of());
        SlotChannels channels = channels(channelsNode, config, userCount);
        int aps = channels.aps();
        for (int k = 0; k < userCount; k++) {
            if (userAp[k] < 0 || userAp[k] >= aps) {
                throw new SlotCaseException("users[" + k + "].ap", "AP index " + userAp[k]
                        + " out of range 0.." + (aps - 1) + " (channels.direct has " + aps + " APs)");
            }
        }
        List<User> users = new ArrayList<>(userCount);
        for (int k = 0; k < userCount; k++) {
            users.add(new User(userAp[k], userType[k]));
        }

        JsonNode actionsNode = object(required(root, "actions", ""), "actions", ACTION_FIELDS, List.of());
        List<RisAction> ris = risActions(required(actionsNode, "ris", "actions"), config, channels.rises());
        double[] powerW = powers(required(actionsNode, "powerW", "actions"), config, userAp, aps);

        checkClustersFill(config, userAp, userType, aps);
        return new SlotCase(config, List.copyOf(users), channels, List.copyOf(ris), powerW);
    }

    private static SlotConfig config(JsonNode node, String path) {
        object(node, path, CONFIG_FIELDS, List.of("clustering"));
        int antennas = integer(required(node, "antennas", path), path + ".antennas");
        int rfChains = integer(required(node, "rfChains", path), path + ".rfChains");
        int apPhaseBits = integer(required(node, "apPhaseBits", path), path + ".apPhaseBits");
        int risElements = integer(required(node, "risElements", path), path + ".risElements");
        int risBits = integer(required(node, "risBits", path), path + ".risBits");
        double bandwidthHz = number(required(node, "bandwidthHz", path), path + ".bandwidthHz");
        double noiseDbmPerHz = number(required(node, "noiseDbmPerHz", path), path + ".noiseDbmPerHz");
        double pmaxW = number(required(node, "pmaxW", path), path + ".pmaxW");
        double xi = number(required(node, "xi", path), path + ".xi");
        double pbbW = number(required(node, "pbbW", path), path + ".pbbW");
        double prfW = number(required(node, "prfW", path), path + ".prfW");
        double ppsW = number(required(node, "ppsW", path), path + ".ppsW");
        double ppaW = number(required(node, "ppaW", path), path + ".ppaW");
        double pdW = number(required(node, "pdW", path), path + ".pdW");
        double pRisPerBitW = number(required(node, "pRisPerBitW", path), path + ".pRisPerBitW");
        Clustering clustering = DEFAULT_CLUSTERING;
        if (node.has("clustering")) {
            clustering = clustering(node.get("clustering"), path + ".clustering");
        }

        atLeast(antennas, 1, path + ".antennas");
        atLeast(rfChains, 1, path + ".rfChains");
        if (antennas % rfChains != 0) {
            throw new SlotCaseException(path + ".antennas", antennas + " is not a multiple of "
                    + path + ".rfChains " + rfChains);
        }
        if (apPhaseBits < 1 || apPhaseBits > MAX_AP_PHASE_BITS) {
            throw new SlotCaseException(path + ".apPhaseBits", apPhaseBits + " outside 1.." + MAX_AP_PHASE_BITS);
        }
        atLeast(risElements, 1, path + ".risElements");
        if (risBits < MIN_RIS_BITS || risBits > MAX_RIS_BITS) {
            throw new SlotCaseException(path + ".risBits", risBits + " outside " + MIN_RIS_BITS + ".." + MAX_RIS_BITS);
        }
        positive(bandwidthHz, path + ".bandwidthHz", "Hz");
        positive(pmaxW, path + ".pmaxW", "W");
        if (xi < 1.0) {
            throw new SlotCaseException(path + ".xi", "amplifier inefficiency " + format(xi)
                    + " below 1 (it is 1 / efficiency)");
        }
        nonNegative(pbbW, path + ".pbbW");
        nonNegative(prfW, path + ".prfW");
        nonNegative(ppsW, path + ".ppsW");
        nonNegative(ppaW, path + ".ppaW");
        nonNegative(pdW, path + ".pdW");
        nonNegative(pRisPerBitW, path + ".pRisPerBitW");
        SlotConfig config = new SlotConfig(antennas, rfChains, apPhaseBits, risElements, risBits,
                bandwidthHz, noiseDbmPerHz, pmaxW, xi, pbbW, prfW, ppsW, ppaW, pdW, pRisPerBitW, clustering);
        if (!(config.noiseW() > 0.0) || Double.isInfinite(config.noiseW())) {
            throw new SlotCaseException(path + ".noiseDbmPerHz", "noise power " + format(noiseDbmPerHz)
                    + " dBm/Hz over " + format(bandwidthHz) + " Hz is " + config.noiseW() + " W, not a positive finite power");
        }
        return config;
    }

    private static SlotChannels channels(JsonNode node, SlotConfig config, int users) {
        int antennas = config.antennas();
        int elements = config.risElements();
        JsonNode directNode = array(required(node, "direct", "channels"), "channels.direct");
        int aps = directNode.size();
        if (aps == 0) {
            throw new SlotCaseException("channels.direct", "expected at least one AP, got none");
        }
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[aps][users];
        for (int i = 0; i < aps; i++) {
            String path = "channels.direct[" + i + "]";
            JsonNode rows = sized(directNode.get(i), path, users, "rows (one per user)");
            for (int k = 0; k < users; k++) {
                direct[i][k] = complexRow(rows.get(k), path + "[" + k + "]", antennas);
            }
        }
        JsonNode risUserNode = array(required(node, "risUser", "channels"), "channels.risUser");
        int rises = risUserNode.size();
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[rises][users];
        for (int j = 0; j < rises; j++) {
            String path = "channels.risUser[" + j + "]";
            JsonNode rows = sized(risUserNode.get(j), path, users, "rows (one per user)");
            for (int k = 0; k < users; k++) {
                risUser[j][k] = complexRow(rows.get(k), path + "[" + k + "]", elements);
            }
        }
        JsonNode apRisNode = sized(required(node, "apRis", "channels"), "channels.apRis", aps,
                "entries (one per AP of channels.direct)");
        ZMatrixRMaj[][] apRis = new ZMatrixRMaj[aps][rises];
        for (int i = 0; i < aps; i++) {
            String path = "channels.apRis[" + i + "]";
            JsonNode perRis = sized(apRisNode.get(i), path, rises, "matrices (one per RIS of channels.risUser)");
            for (int j = 0; j < rises; j++) {
                String matrixPath = path + "[" + j + "]";
                JsonNode rows = sized(perRis.get(j), matrixPath, elements, "rows (risElements)");
                ZMatrixRMaj matrix = new ZMatrixRMaj(elements, antennas);
                for (int l = 0; l < elements; l++) {
                    ZMatrixRMaj row = complexRow(rows.get(l), matrixPath + "[" + l + "]", antennas);
                    System.arraycopy(row.data, 0, matrix.data, 2 * l * antennas, 2 * antennas);
                }
                apRis[i][j] = matrix;
            }
        }
        return new SlotChannels(antennas, elements, direct, risUser, apRis);
    }

    private static List<RisAction> risActions(JsonNode node, SlotConfig config, int rises) {
        JsonNode actions = sized(node, "actions.ris", rises, "RIS actions (one per channels.risUser entry)");
        int elements = config.risElements();
        int levels = RisConfiguration.levels(config.risBits());
        List<RisAction> out = new ArrayList<>(rises);
        for (int j = 0; j < rises; j++) {
            String path = "actions.ris[" + j + "]";
            JsonNode action = object(actions.get(j), path, RIS_ACTION_FIELDS, List.of());
            JsonNode onNode = sized(required(action, "on", path), path + ".on", elements, "entries (risElements)");
            JsonNode phaseNode = sized(required(action, "phase", path), path + ".phase", elements,
                    "entries (risElements)");
            boolean[] on = new boolean[elements];
            int[] phase = new int[elements];
            for (int l = 0; l < elements; l++) {
                String onPath = path + ".on[" + l + "]";
                int flag = integer(onNode.get(l), onPath);
                if (flag != 0 && flag != 1) {
                    throw new SlotCaseException(onPath, "expected 0 or 1, got " + flag);
                }
                on[l] = flag == 1;
                String phasePath = path + ".phase[" + l + "]";
                phase[l] = integer(phaseNode.get(l), phasePath);
                if (phase[l] < 0 || phase[l] >= levels) {
                    throw new SlotCaseException(phasePath, "phase level " + phase[l] + " out of range 0.."
                            + (levels - 1) + " (risBits " + config.risBits() + ")");
                }
            }
            out.add(new RisAction(on, phase));
        }
        return out;
    }

    private static double[] powers(JsonNode node, SlotConfig config, int[] userAp, int aps) {
        int users = userAp.length;
        JsonNode array = sized(node, "actions.powerW", users, "entries (one per user)");
        double[] power = new double[users];
        double[] apSum = new double[aps];
        for (int k = 0; k < users; k++) {
            String path = "actions.powerW[" + k + "]";
            power[k] = number(array.get(k), path);
            if (power[k] < 0.0) {
                throw new SlotCaseException(path, "negative power " + format(power[k]) + " W");
            }
            apSum[userAp[k]] += power[k];
        }
        for (int m = 0; m < aps; m++) {
            if (apSum[m] > config.pmaxW() * (1.0 + POWER_SUM_SLACK)) {
                throw new SlotCaseException("actions.powerW", "AP " + m + " transmits " + format(apSum[m])
                        + " W > pmaxW " + format(config.pmaxW()) + " W");
            }
        }
        return power;
    }

    private static void checkClustersFill(SlotConfig config, int[] userAp, UserType[] userType, int aps) {
        UserClustering clustering = UserClustering.of(config.clustering());
        for (int m = 0; m < aps; m++) {
            int se = 0;
            int iot = 0;
            for (int k = 0; k < userAp.length; k++) {
                if (userAp[k] == m) {
                    if (userType[k] == UserType.SE) {
                        se++;
                    } else {
                        iot++;
                    }
                }
            }
            String reason = clustering.unfillableReason(se, iot, config.rfChains());
            if (reason != null) {
                throw new SlotCaseException("users", "AP " + m + " " + reason);
            }
        }
    }

    // ---- JSON shape helpers: each names the path it checks

    private static JsonNode required(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new SlotCaseException(parentPath.isEmpty() ? field : parentPath + "." + field, "missing");
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String path, List<String> required, List<String> optional) {
        if (!node.isObject()) {
            throw new SlotCaseException(path, "expected an object, got " + describe(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> known = new ArrayList<>(required);
                known.addAll(optional);
                String prefix = path.equals("(root)") ? "" : path + ".";
                throw new SlotCaseException(prefix + name, "unknown field (expected "
                        + String.join(", ", known) + ")");
            }
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new SlotCaseException(path, "expected an array, got " + describe(node));
        }
        return node;
    }

    private static JsonNode sized(JsonNode node, String path, int size, String what) {
        array(node, path);
        if (node.size() != size) {
            throw new SlotCaseException(path, "expected " + size + " " + what + ", got " + node.size());
        }
        return node;
    }

    private static ZMatrixRMaj complexRow(JsonNode node, String path, int size) {
        array(node, path);
        if (node.size() != size) {
            throw new SlotCaseException(path, "expected " + size + " complex entries, got " + node.size());
        }
        ZMatrixRMaj row = new ZMatrixRMaj(1, size);
        for (int c = 0; c < size; c++) {
            JsonNode entry = node.get(c);
            String entryPath = path + "[" + c + "]";
            if (!entry.isArray() || entry.size() != 2) {
                throw new SlotCaseException(entryPath, "expected a complex number [re, im], got " + describe(entry));
            }
            row.data[2 * c] = number(entry.get(0), entryPath + "[0]");
            row.data[2 * c + 1] = number(entry.get(1), entryPath + "[1]");
        }
        return row;
    }

    private static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new SlotCaseException(path, "expected a number, got " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new SlotCaseException(path, "not a finite number (" + (node.isFloatingPointNumber()
                    && Double.isNaN(node.doubleValue()) ? "NaN" : node.asText()) + ")");
        }
        return value;
    }

    private static int integer(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new SlotCaseException(path, "expected an integer, got " + describe(node));
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        double value = node.doubleValue();
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            return (int) value;
        }
        throw new SlotCaseException(path, "expected an integer, got " + node.asText());
    }

    private static UserType userType(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new SlotCaseException(path, "expected a user type string, got " + describe(node));
        }
        String text = node.textValue();
        for (UserType type : UserType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        throw new SlotCaseException(path, "unknown user type \"" + text + "\" (expected SE or IOT)");
    }

    private static Clustering clustering(JsonNode node, String path) {
        if (node.isTextual()) {
            for (Clustering rule : Clustering.values()) {
                if (rule.name().toLowerCase(Locale.ROOT).equals(node.textValue())) {
                    return rule;
                }
            }
        }
        throw new SlotCaseException(path, "unknown clustering " + describe(node) + " (expected \"qos\" or \"csi\")");
    }

    private static void atLeast(int value, int min, String path) {
        if (value < min) {
            throw new SlotCaseException(path, value + " is below " + min);
        }
    }

    private static void positive(double value, String path, String unit) {
        if (!(value > 0.0)) {
            throw new SlotCaseException(path, "expected a positive value in " + unit + ", got " + format(value));
        }
    }

    private static void nonNegative(double value, String path) {
        if (value < 0.0) {
            throw new SlotCaseException(path, "negative power " + format(value) + " W");
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string \"" + node.textValue() + "\"";
            case NUMBER -> "number " + node.asText();
            case BOOLEAN -> "boolean " + node.asText();
            case NULL -> "null";
            case ARRAY -> "an array of " + node.size();
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A number as a person writes it: 5 rather than 5.0. */
    static String format(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isFinite(value)) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toString();
        }
        return Double.toString(value);
    }
}
