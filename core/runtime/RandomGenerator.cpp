#include "runtime/RandomGenerator.h"

extern "C" double spikestudio_rand(void* generator) {
    return static_cast<spikestudio::RandomGenerator*>(generator)->uniform();
}

extern "C" double spikestudio_randn(void* generator) {
    return static_cast<spikestudio::RandomGenerator*>(generator)->normal();
}
