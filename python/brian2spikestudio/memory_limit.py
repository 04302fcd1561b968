"""A ceiling on the memory of Spike Studio's Python processes."""
import os
import resource


def limit_memory():
    """Three quarters of the machine's memory at most: a script (or a model)
    needing more gets a MemoryError, reported like any other error, rather
    than exhausting the machine. The importer's capture builds the network's
    arrays as Brian2 would (synapses included). RLIMIT_DATA counts what the
    process allocates, not its reserved address space."""
    try:
        most = os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') * 3 // 4
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if soft == resource.RLIM_INFINITY or soft > most:
            resource.setrlimit(resource.RLIMIT_DATA,
                               (most if hard == resource.RLIM_INFINITY else min(most, hard), hard))
    except (ValueError, OSError):
        pass  # no limit where the system gives none
