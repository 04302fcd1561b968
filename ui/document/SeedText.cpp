#include "document/SeedText.h"

#include "model/Seed.h"

#include <QObject>

namespace spikestudio::SeedText {

namespace {

const char* const kFresh = "fresh";

} // namespace

QString format(const Reseed& reseed) {
    return reseed.seed ? QString::number(*reseed.seed) : QString::fromLatin1(kFresh);
}

std::optional<Reseed> parse(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.compare(kFresh, Qt::CaseInsensitive) == 0)
        return Reseed{};
    const std::optional<std::uint32_t> seed = Seed::parse(trimmed.toStdString());
    if (!seed)
        return std::nullopt;
    return Reseed{seed};
}

QString problem() {
    return QObject::tr("a seed is a whole number from 0 to %1, or 'fresh' for a new one")
        .arg(Seed::kLargest);
}

QString rowLabel() {
    return QObject::tr("seed");
}

} // namespace spikestudio::SeedText
