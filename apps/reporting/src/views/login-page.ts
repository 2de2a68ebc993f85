import { DistrictProfile } from '@lien/reporting-domain';
import { html, Html } from './html';

export interface LoginPageInput {
  /** Development mode: demo profiles signed by the development issuer (the same as `POST /dev/login`). */
  readonly devProfiles: boolean;
  readonly districts: readonly DistrictProfile[];
  readonly error?: string;
}

function demoProfiles(districts: readonly DistrictProfile[]): Html {
  const radio = (value: string, label: string, first = false) =>
    html`<div><input type="radio" id="profil-${value.replace(':', '-')}" name="profil" value="${value}"${new Html(first ? ' checked' : '')}> <label for="profil-${value.replace(':', '-')}" style="display:inline;font-weight:400">${label}</label></div>`;
  return html`<form method="post" action="/connexion">
<fieldset><legend>Profil de démonstration (mode développement)</legend>
${radio('ministry-analyst', 'Analyste du ministère — agrégats de tous les arrondissements', true)}
${districts.map((d) => radio(`coordinator:${d.code}`, `Responsable de service — ${d.name}`))}
</fieldset>
<p><button type="submit">Se connecter avec ce profil</button></p>
</form>`;
}

/** Sign-in: a demo profile in development, or an access token from the identity provider. */
export function loginPage(input: LoginPageInput): Html {
  return html`<h1>Connexion</h1>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
${input.devProfiles ? demoProfiles(input.districts) : ''}
<form method="post" action="/connexion">
<p><label for="jeton">Jeton d'accès (fourni par le fournisseur d'identité)</label>
<textarea id="jeton" name="jeton" rows="3" cols="60" autocomplete="off" spellcheck="false"></textarea></p>
<p><button type="submit">Se connecter avec ce jeton</button></p>
</form>`;
}

export function errorPage(status: number, title: string, detail: string | undefined): Html {
  const signIn = status === 401 || status === 403 ? html`<p><a href="/connexion">Se connecter avec un autre profil</a></p>` : '';
  return html`<h1>${title}</h1><p>${detail ?? ''}</p><p>Code HTTP ${status}.</p>${signIn}`;
}
