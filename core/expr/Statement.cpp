#include "expr/Statement.h"

namespace spikestudio {

ExprPtr Statement::expandedValue() const {
    const ExprPtr self = makeName(target, position);
    switch (op) {
    case AssignOp::Assign:
        return value;
    case AssignOp::Add:
        return makeBinary(BinaryOp::Add, self, value, position);
    case AssignOp::Subtract:
        return makeBinary(BinaryOp::Subtract, self, value, position);
    case AssignOp::Multiply:
        return makeBinary(BinaryOp::Multiply, self, value, position);
    case AssignOp::Divide:
        return makeBinary(BinaryOp::Divide, self, value, position);
    case AssignOp::Modulo:
        return makeBinary(BinaryOp::Modulo, self, value, position);
    case AssignOp::Power:
        return makeBinary(BinaryOp::Power, self, value, position);
    }
    return value;
}

const char* symbolOf(AssignOp op) {
    switch (op) {
    case AssignOp::Assign:
        return "=";
    case AssignOp::Add:
        return "+=";
    case AssignOp::Subtract:
        return "-=";
    case AssignOp::Multiply:
        return "*=";
    case AssignOp::Divide:
        return "/=";
    case AssignOp::Modulo:
        return "%=";
    case AssignOp::Power:
        return "**=";
    }
    return "=";
}

} // namespace spikestudio
