#pragma once

#include "expr/ExprText.h"
#include "model/SynapseGenerator.h"

#include <QString>
#include <QStringList>

/// A parsed generator as one line for comparisons:
/// element|variable|iterator|low|high|step|p|size|condition, empty for a null part.
inline QString describeGenerator(const spikestudio::SynapseGenerator& g) {
    const auto show = [](const spikestudio::ExprPtr& expr) {
        return expr ? QString::fromStdString(spikestudio::toText(expr)) : QString();
    };
    return QStringList{show(g.element),
                       QString::fromStdString(g.variable),
                       g.iterator == spikestudio::GeneratorIterator::Range ? "range" : "sample",
                       show(g.low),
                       show(g.high),
                       show(g.step),
                       show(g.probability),
                       show(g.size),
                       show(g.condition)}
        .join('|');
}
