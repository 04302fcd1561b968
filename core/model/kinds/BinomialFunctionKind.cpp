#include "model/BinomialFunctions.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

BinomialFunctionSpec newBinomialFunction() {
    BinomialFunctionSpec spec;
    spec.trials = 100;
    spec.probability = "0.1";
    return spec;
}

BinomialFunctionKind describeBinomialFunction() {
    BinomialFunctionKind kind;
    kind.typeName = "BinomialFunction";
    kind.family = ObjectFamily::BinomialFunction;
    kind.label = "BinomialFunction";
    kind.shortLabel = "binomial";
    kind.summary = "successes of 100 trials of probability 0.1";
    kind.description = "Random counts of successes, drawn anew at every call of name() in "
                       "code or equations";
    kind.namePrefix = "binomial";
    kind.style = StyleRole::Table;
    kind.add(CommonFields::name("BinomialFunction"), &BinomialFunctionSpec::name);
    kind.add({.key = "n",
              .type = FieldType::Integer,
              .required = true,
              .unit = UnitRule::Dimensionless,
              .editor = EditorHint::Table,
              .label = "n",
              .description = "The number of trials",
              .minimum = 0,
              .maximum = std::numeric_limits<int>::max()},
             &BinomialFunctionSpec::trials);
    kind.add({.key = "p",
              .type = FieldType::Expression,
              .required = true,
              .unit = UnitRule::Dimensionless,
              .editor = EditorHint::Table,
              .label = "p",
              .description = "The probability of success of each trial, from 0 to 1"},
             &BinomialFunctionSpec::probability);
    kind.add({.key = "approximate",
              .type = FieldType::Flag,
              .editor = EditorHint::Table,
              .label = "Approximate",
              .emptyMeans = "true",
              .description = "Draw from a normal distribution of the same mean and variance "
                             "where n*p > 5 and n*(1-p) > 5 (Brian2's default)"},
             &BinomialFunctionSpec::approximate);
    kind.prototype = newBinomialFunction;
    kind.check = checkBinomialFunctions;
    return kind;
}

} // namespace

const BinomialFunctionKind& binomialFunctionKind() {
    static const BinomialFunctionKind kind = describeBinomialFunction();
    return kind;
}

} // namespace spikestudio
