    /* The locals every synapse kernel starts with. */
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _synaptic_pre = _context->pre;
    const int32_t* _synaptic_post = _context->post;
    int64_t _idx;
    int64_t _pre;
    int64_t _post;
