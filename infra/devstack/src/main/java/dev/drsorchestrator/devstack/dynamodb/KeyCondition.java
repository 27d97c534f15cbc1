package dev.drsorchestrator.devstack.dynamodb;

import dev.drsorchestrator.devstack.dynamodb.expr.Condition;
import dev.drsorchestrator.devstack.dynamodb.expr.Condition.Comparator;
import dev.drsorchestrator.devstack.dynamodb.expr.Operand;
import dev.drsorchestrator.devstack.dynamodb.expr.Path;
import dev.drsorchestrator.devstack.dynamodb.store.KeyTuple;
import dev.drsorchestrator.devstack.dynamodb.store.TableDef;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * A KeyConditionExpression checked against the key schema being queried: {@code hash = :v}, optionally AND one
 * condition on the range key ({@code = < <= > >=}, BETWEEN, begins_with). It selects the items of one partition as a
 * sub-map of that partition, so a query reads only what its key condition names.
 */
final class KeyCondition {
    private static final String KIND = "KeyConditionExpression";

    private enum Op {
        EQ,
        LT,
        LE,
        GT,
        GE,
        BETWEEN,
        BEGINS_WITH
    }

    private final Value hash;
    private final @Nullable Op op;
    private final @Nullable Value a;
    private final @Nullable Value b;

    private KeyCondition(Value hash, @Nullable Op op, @Nullable Value a, @Nullable Value b) {
        this.hash = hash;
        this.op = op;
        this.a = a;
        this.b = b;
    }

    Value hash() {
        return hash;
    }

    static KeyCondition of(Condition condition, TableDef.KeySchema key, TableDef def) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        Value hash = null;
        Op op = null;
        Value a = null;
        Value b = null;
        boolean rangeSeen = false;
        for (Condition part : parts) {
            Path path;
            Op partOp;
            Value x;
            Value y = null;
            if (part instanceof Condition.Compare c) {
                boolean flipped = !(c.left() instanceof Operand.PathOperand);
                Operand pathSide = flipped ? c.right() : c.left();
                Operand valueSide = flipped ? c.left() : c.right();
                path = path(pathSide);
                x = literal(valueSide);
                partOp = op(c.comparator(), flipped);
            } else if (part instanceof Condition.Between btw) {
                path = path(btw.value());
                x = literal(btw.low());
                y = literal(btw.high());
                partOp = Op.BETWEEN;
            } else if (part instanceof Condition.BeginsWith bw) {
                path = path(bw.value());
                x = literal(bw.prefix());
                partOp = Op.BEGINS_WITH;
            } else {
                throw invalid("Invalid operator used in KeyConditionExpression: " + name(part));
            }
            if (!path.isTopLevel()) {
                throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
            }
            String attr = path.head();
            String type = def.type(attr);
            if (!attr.equals(key.hash()) && !attr.equals(key.range())) {
                throw DynamoErrors.validation("Query key condition not supported");
            }
            if (!x.type().equals(type) || (y != null && !y.type().equals(type))) {
                throw DynamoErrors.invalidParameter("Condition parameter type does not match schema type");
            }
            if (attr.equals(key.hash())) {
                if (hash != null) {
                    throw invalid("KeyConditionExpressions must only contain one condition per key");
                }
                if (partOp != Op.EQ) {
                    throw DynamoErrors.validation("Query key condition not supported");
                }
                hash = x;
            } else {
                if (rangeSeen) {
                    throw invalid("KeyConditionExpressions must only contain one condition per key");
                }
                if (partOp == Op.BEGINS_WITH && type.equals("N")) {
                    throw invalid("Incorrect operand type for operator or function; operator or function:"
                            + " begins_with, operand type: N");
                }
                rangeSeen = true;
                op = partOp;
                a = x;
                b = y;
            }
        }
        if (hash == null) {
            throw DynamoErrors.validation("Query condition missed key schema element: " + key.hash());
        }
        return new KeyCondition(hash, op, a, b);
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(c);
        }
    }

    private static String name(Condition c) {
        if (c instanceof Condition.Or) {
            return "OR";
        }
        if (c instanceof Condition.Not) {
            return "NOT";
        }
        if (c instanceof Condition.In) {
            return "IN";
        }
        if (c instanceof Condition.Contains) {
            return "contains";
        }
        if (c instanceof Condition.AttributeExists e) {
            return e.exists() ? "attribute_exists" : "attribute_not_exists";
        }
        return "attribute_type";
    }

    private static Op op(Comparator c, boolean flipped) {
        return switch (c) {
            case EQ -> Op.EQ;
            case LT -> flipped ? Op.GT : Op.LT;
            case LE -> flipped ? Op.GE : Op.LE;
            case GT -> flipped ? Op.LT : Op.GT;
            case GE -> flipped ? Op.LE : Op.GE;
            case NE -> throw invalid("Invalid operator used in KeyConditionExpression: <>");
        };
    }

    private static Path path(Operand o) {
        if (o instanceof Operand.PathOperand p) {
            return p.path();
        }
        throw invalid("Invalid condition in KeyConditionExpression: the key attribute must be compared with a value");
    }

    private static Value literal(Operand o) {
        if (o instanceof Operand.Literal l) {
            return l.value();
        }
        throw invalid("Invalid condition in KeyConditionExpression: a key attribute can only be compared with a"
                + " value, not with another attribute");
    }

    private static AwsServiceException invalid(String message) {
        return DynamoErrors.invalidExpression(KIND, message);
    }

    /** The part of a partition (positions ordered by range key first) that the range condition selects. */
    NavigableMap<KeyTuple, Map<String, Value>> select(NavigableMap<KeyTuple, Map<String, Value>> partition) {
        if (op == null) {
            return partition;
        }
        return switch (op) {
            case EQ -> partition.subMap(KeyTuple.lowest(a), true, KeyTuple.highest(a), true);
            case LT -> partition.headMap(KeyTuple.lowest(a), false);
            case LE -> partition.headMap(KeyTuple.highest(a), true);
            case GT -> partition.tailMap(KeyTuple.highest(a), false);
            case GE -> partition.tailMap(KeyTuple.lowest(a), true);
            // the parser has refused bounds out of order
            case BETWEEN -> partition.subMap(KeyTuple.lowest(a), true, KeyTuple.highest(b), true);
            case BEGINS_WITH -> {
                NavigableMap<KeyTuple, Map<String, Value>> from = partition.tailMap(KeyTuple.lowest(a), true);
                KeyTuple end = null;
                for (KeyTuple t : from.keySet()) {
                    if (!startsWith(t.first(), a)) {
                        end = t;
                        break;
                    }
                }
                yield end == null ? from : from.headMap(end, false);
            }
        };
    }

    private static boolean startsWith(Value v, Value prefix) {
        if (v instanceof Value.S s && prefix instanceof Value.S p) {
            return s.value().startsWith(p.value());
        }
        return v instanceof Value.B bv
                && prefix instanceof Value.B bp
                && bv.value().startsWith(bp.value());
    }
}
