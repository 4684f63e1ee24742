package io.thz.core.scenario;

import io.thz.core.geometry.Placement;
import io.thz.core.geometry.Room;
import io.thz.core.geometry.Vec3;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses impossible scenarios: the single-field rules declared on the records (Hibernate
 * Validator, with {@link ParameterMessageInterpolator} so no expression language is needed) and
 * the cross-field rules of spec section 1 (N_A a multiple of N_R, N_R = K_S, positions in the
 * room, RISs on walls). Every message is {@code path=value rule}.
 */
public final class ScenarioValidator {

    private static final class Holder {
        /** Kept referenced: a JUL logger's level is lost when the logger is collected. */
        static final Logger VERSION_BANNER = Logger.getLogger("org.hibernate.validator.internal.util.Version");
        static final Validator VALIDATOR;

        static {
            if (VERSION_BANNER.getLevel() == null) {
                VERSION_BANNER.setLevel(Level.WARNING); // no INFO banner on a CLI's stderr
            }
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
            VALIDATOR = factory.getValidator();
        }
    }

    private ScenarioValidator() {
    }

    /** @throws ScenarioException naming every broken rule */
    public static Scenario validate(Scenario scenario) {
        List<String> problems = problems(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return scenario;
    }

    /** Every broken rule, one message each; empty when the scenario is valid. */
    public static List<String> problems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        List<ConstraintViolation<Scenario>> violations = new ArrayList<>(Holder.VALIDATOR.validate(scenario));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<Scenario> v : violations) {
            String path = v.getPropertyPath().toString().replace(".<list element>", "");
            Object value = v.getInvalidValue();
            problems.add(value == null ? path + " " + v.getMessage() : path + "=" + value + " " + v.getMessage());
        }
        if (problems.isEmpty()) {
            crossFieldProblems(scenario, problems);
        }
        return problems;
    }

    private static void crossFieldProblems(Scenario s, List<String> problems) {
        NetworkSettings n = s.network();
        GeometrySettings g = s.geometry();
        Room room = g.room().toRoom();
        if (n.antennas() % n.rfChains() != 0) {
            problems.add("network.antennas=" + n.antennas() + " is not a multiple of network.rfChains=" + n.rfChains());
        }
        if (n.rfChains() != n.seUsersPerAp()) {
            problems.add("network.rfChains=" + n.rfChains() + " must equal network.seUsersPerAp=" + n.seUsersPerAp()
                    + " (each SE user heads one cluster)");
        }
        if (g.userHeightM() >= room.heightM()) {
            problems.add("geometry.userHeightM=" + g.userHeightM() + " must be below geometry.room.heightM="
                    + room.heightM());
        }
        if (g.apPositions() != null) {
            if (g.apPositions().size() != n.aps()) {
                problems.add("geometry.apPositions has " + g.apPositions().size() + " entries but network.aps="
                        + n.aps());
            }
            for (int i = 0; i < g.apPositions().size(); i++) {
                String path = "geometry.apPositions[" + i + "]";
                Vec3 p = g.apPositions().get(i);
                if (inside(path, p, room, problems) && p.z() <= g.userHeightM()) {
                    problems.add(path + ".z=" + p.z() + " must be above geometry.userHeightM=" + g.userHeightM()
                            + " (blockage model)");
                }
            }
        }
        if (g.risPositions() != null) {
            if (g.risPositions().size() != n.rises()) {
                problems.add("geometry.risPositions has " + g.risPositions().size() + " entries but network.rises="
                        + n.rises());
            }
            for (int j = 0; j < g.risPositions().size(); j++) {
                String path = "geometry.risPositions[" + j + "]";
                Vec3 p = g.risPositions().get(j);
                if (!inside(path, p, room, problems)) {
                    continue;
                }
                try {
                    Placement.risAt(room, p);
                } catch (IllegalArgumentException e) {
                    problems.add(path + "=(" + p.x() + ", " + p.y() + ", " + p.z() + ") " + e.getMessage());
                }
                if (p.z() <= g.userHeightM()) {
                    problems.add(path + ".z=" + p.z() + " must be above geometry.userHeightM=" + g.userHeightM()
                            + " (blockage model)");
                }
            }
        } else {
            if (!Placement.hasDefaultRisPlacement(n.rises())) {
                problems.add("network.rises=" + n.rises()
                        + " has no default placement (0, 1, 2 or 4 RISs); give geometry.risPositions");
            }
            if (n.rises() > 0 && (g.risHeightM() <= g.userHeightM() || g.risHeightM() > room.heightM())) {
                problems.add("geometry.risHeightM=" + g.risHeightM() + " must be above geometry.userHeightM="
                        + g.userHeightM() + " and at most geometry.room.heightM=" + room.heightM());
            }
        }
    }

    private static boolean inside(String path, Vec3 p, Room room, List<String> problems) {
        boolean ok = true;
        String[] names = {"x", "y", "z"};
        for (int axis = 0; axis < 3; axis++) {
            double v = p.component(axis);
            double max = room.extent(axis);
            if (!(v >= -Room.TOLERANCE_M && v <= max + Room.TOLERANCE_M)) {
                problems.add(path + "." + names[axis] + "=" + v + " is outside the room (0.." + fmt(max) + " m)");
                ok = false;
            }
        }
        return ok;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
