// The dashboard's only script of its own: the Content-Security-Policy admits no inline handlers, so a select marked
// data-autosubmit (the workspace switcher) submits its form from here.
document.addEventListener('change', function (e) {
    if (e.target instanceof HTMLSelectElement && e.target.hasAttribute('data-autosubmit') && e.target.form) {
        e.target.form.submit();
    }
});
