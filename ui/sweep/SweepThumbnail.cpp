#include "sweep/SweepThumbnail.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

SweepThumbnail SweepThumbnail::of(const SpikeRecord& record, double duration) {
    SweepThumbnail thumbnail;
    thumbnail.monitor = QString::fromStdString(record.monitor);
    thumbnail.neurons = std::int64_t(record.countPerNeuron.size());
    thumbnail.duration = duration;
    thumbnail.raster.assign(std::size_t(kTimeBins) * kNeuronBins, 0);
    thumbnail.rate.assign(kTimeBins, 0.0);
    if (!(duration > 0.0) || thumbnail.neurons == 0)
        return thumbnail;
    const double neurons = double(thumbnail.neurons);
    std::size_t counted = 0;
    for (std::size_t k = 0; k < record.times.size(); ++k) {
        const double t = record.times[k];
        if (!(t >= 0.0 && t < duration))
            continue;
        const int column = std::min(kTimeBins - 1, int(t / duration * kTimeBins));
        const int row =
            std::clamp(int(double(record.indices[k]) / neurons * kNeuronBins), 0, kNeuronBins - 1);
        ++thumbnail.raster[std::size_t(row) * kTimeBins + std::size_t(column)];
        thumbnail.rate[std::size_t(column)] += 1.0;
        ++counted;
    }
    const double binWidth = duration / kTimeBins;
    for (double& bin : thumbnail.rate)
        bin /= binWidth * neurons;
    thumbnail.meanRate = double(counted) / (duration * neurons);
    return thumbnail;
}

} // namespace spikestudio
