/*
 * A moved page's old address (redirect_from, hooks/zhguide/link_aliases.py): forward
 * to its new one (data-to), keeping the #section. Without JavaScript the page's
 * meta refresh forwards, without the #section.
 */
(function (data) { location.replace(data.to + location.hash); })(document.currentScript.dataset);
