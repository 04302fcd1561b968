#include "expr/BinomialShape.h"

#include <cmath>

namespace spikestudio {

BinomialShape binomialShape(long long trials, double probability, bool approximate) {
    BinomialShape shape;
    shape.trials = trials;
    shape.probability = probability;
    const double n = static_cast<double>(trials);
    if (approximate && n * probability > 5.0 && n * (1.0 - probability) > 5.0) {
        shape.normal = true;
        shape.mean = n * probability;
        shape.deviation = std::sqrt(n * probability * (1.0 - probability));
    }
    return shape;
}

} // namespace spikestudio
