"""The generator: spec/activations.yaml -> generated/ (package, tests, docs).

Stages, one module each, run in this order by ``codegen.pipeline``:

    load      YAML -> plain data + a location for every node      (load.py)
    validate  collect every diagnostic, build the model           (validate.py, expressions.py, schema.py)
    model     frozen dataclasses, a lossless view of the spec      (model.py)
    render    Jinja2 templates -> {relative path: text}           (render.py, views.py)
    format    black                                                (fmt.py)
    write     swap the whole tree in, or report what is stale     (write.py)
"""
