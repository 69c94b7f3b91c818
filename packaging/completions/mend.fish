# fish completion for mend: asks mend itself, so it always matches the
# installed version and completes exercise and entry ids too.
if command -q mend
    mend completions fish | source
end
